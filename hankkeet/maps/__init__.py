"""Maps of coverage: the bundled municipality topology, and SVG, HTML and terminal drawings of it.

Only the commands that draw import this package; the map file is decoded on first use.
"""
