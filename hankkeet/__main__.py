from hankkeet.cli import main

main()
