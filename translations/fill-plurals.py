#!/usr/bin/env python3
"""Fills the English plural forms of every unfinished "%n" message in the
British English .ts file: "(s)" becomes "" in the singular and "s" in the
plural. Run it after lupdate has added a new "%n" message, then check the
result and commit it."""

import re
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1] if len(sys.argv) > 1 else "translations/oversight-workbench_en_GB.ts"
tree = ET.parse(path)
filled = 0
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    translation = message.find("translation")
    if translation.get("type") != "unfinished" and len(translation.findall("numerusform")) == 2:
        continue
    source = message.find("source").text
    for child in list(translation):
        translation.remove(child)
    for form in (source.replace("(s)", "").replace("(es)", ""), source.replace("(s)", "s").replace("(es)", "es")):
        element = ET.SubElement(translation, "numerusform")
        element.text = form
    translation.attrib.pop("type", None)
    filled += 1
if filled == 0:
    print("%s: filled 0 plural message(s); left as it was" % path)
    raise SystemExit(0)
tree.write(path, encoding="utf-8", xml_declaration=True)
# ElementTree drops the DOCTYPE that Qt's tools write; put it back.
with open(path, encoding="utf-8") as f:
    text = f.read()
if "<!DOCTYPE TS>" not in text:
    text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
print("%s: filled %d plural message(s)" % (path, filled))
