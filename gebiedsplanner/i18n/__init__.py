"""The texts users read, one catalogue per language (``texts`` Dutch, ``texts_en``
English, name for name), and the switch between them (``language``)."""
