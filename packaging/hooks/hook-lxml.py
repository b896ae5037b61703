"""PyInstaller hook for lxml, replacing pyinstaller-hooks-contrib's collect-everything hook.

pikepdf, the only user of lxml here, needs lxml.etree alone; the contrib hook pulls in every
submodule (html, objectify, isoschematron: about 4 MB) and then warns about the ones the spec
excludes.
"""

hiddenimports = ["lxml.etree", "lxml._elementpath"]
