#!/usr/bin/env python3
"""Fails when a "%n" message of the British English translation has no
finished plural forms (run translations/fill-plurals.py, check, commit)."""

import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
missing = []
for message in ET.parse(path).iter("message"):
    if message.get("numerus") != "yes":
        continue
    translation = message.find("translation")
    forms = [f.text or "" for f in translation.findall("numerusform")]
    if translation.get("type") == "unfinished" or len(forms) != 2 or any("(s)" in f for f in forms):
        missing.append(message.find("source").text)
for source in missing:
    print("%s: no plural forms for \"%s\"" % (path, source))
print("%d passed, %d failed" % (0 if missing else 1, 1 if missing else 0))
sys.exit(1 if missing else 0)
