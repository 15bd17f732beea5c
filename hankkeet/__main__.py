from hankkeet.entry import main

main()
