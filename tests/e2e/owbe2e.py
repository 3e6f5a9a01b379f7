"""Drives the real workbench window through the accessibility bus (AT-SPI).

Controls are found by role and accessible name, never by position. Every
wait has a deadline, and the application is always ended, so a failing step
fails the scenario instead of hanging it.

Runs inside an X server and a session bus (run_e2e.py starts both); needs
Debian's python3-pyatspi and at-spi2-core's bus launcher.
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time

import pyatspi
from gi.repository import GLib

DEFAULT_WAIT = 15.0
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


class StepFailed(AssertionError):
    pass


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, re.Pattern):
        return pattern.search(text or "") is not None
    # A field named by its form label keeps the label's colon ("Title:").
    return (text or "") in (pattern, pattern + ":")


def _safe(call, default=None):
    try:
        return call()
    except Exception:  # a node that went away while we looked at it
        return default


def name_of(node):
    return _safe(lambda: node.name, "") or ""


def role_of(node):
    return _safe(lambda: node.getRoleName(), "") or ""


def showing(node):
    return _safe(lambda: node.getState().contains(pyatspi.STATE_SHOWING), False)


def text_of(node):
    """The text a label, line edit or text edit shows."""
    t = _safe(lambda: node.queryText())
    if t is not None:
        value = _safe(lambda: t.getText(0, -1))
        if value is not None:
            return value
    return name_of(node)


class Workbench:
    """One running workbench on a fresh copy of a workspace."""

    def __init__(self, binary, workspace, artefacts, scenario, args=None, home=None):
        self.binary = binary
        self.workspace = workspace
        self.artefacts = artefacts
        self.scenario = scenario
        self.home = home or os.path.join(artefacts, scenario + "-home")
        shutil.rmtree(self.home, ignore_errors=True)
        os.makedirs(self.home)
        env = dict(os.environ)
        env.update({
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "USER": "e2e-tester",
            "LANG": "en_GB.UTF-8",
        })
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("QT_QPA_PLATFORMTHEME", None)
        argv = [binary] + (args if args is not None else [workspace])
        self.log = open(os.path.join(artefacts, scenario + "-app.log"), "w")
        self.proc = subprocess.Popen(argv, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.app = self._wait_for_app()
        self.window = self.wait(lambda: self._main_window(), "the main window")

    # ---- life cycle -------------------------------------------------------
    def _wait_for_app(self, timeout=30.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                self.log.flush()
                with open(self.log.name, errors="replace") as f:
                    said = " | ".join(f.read().strip().splitlines()[-3:])
                self.log.close()
                raise StepFailed("the workbench exited with %s before it showed a window: %s"
                                 % (self.proc.returncode, said))
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(_safe(lambda: desktop.childCount, 0)):
                app = _safe(lambda: desktop.getChildAtIndex(i))
                if app is None:
                    continue
                if _safe(lambda: app.get_process_id(), -1) == self.proc.pid or \
                        name_of(app).lower().startswith("oversight"):
                    if _safe(lambda: app.childCount, 0) > 0:
                        return app
            time.sleep(0.2)
        raise StepFailed("the workbench did not appear on the accessibility bus within %.0f s" % timeout)

    def _main_window(self):
        for i in range(_safe(lambda: self.app.childCount, 0)):
            w = _safe(lambda: self.app.getChildAtIndex(i))
            if w is not None and role_of(w) == "frame" and name_of(w).startswith("Oversight Workbench"):
                return w
        return None

    def close(self):
        """Ends the application whatever state it is in."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=5)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        self.log.close()

    def screenshot(self, label):
        """Writes a PNG of the whole screen into the artefacts folder (for failures and for looking)."""
        path = os.path.join(self.artefacts, "%s-%s.png" % (self.scenario, label))
        xwd = shutil.which("xwd")
        convert = shutil.which("convert")
        if xwd and convert:
            dump = path[:-4] + ".xwd"
            subprocess.run([xwd, "-root", "-silent", "-out", dump], timeout=20, check=False)
            subprocess.run([convert, dump, path], timeout=30, check=False)
            if os.path.exists(dump):
                os.remove(dump)
        elif shutil.which("import"):
            subprocess.run(["import", "-window", "root", path], timeout=30, check=False)
        return path

    # ---- finding ----------------------------------------------------------
    def wait(self, probe, what, timeout=DEFAULT_WAIT):
        deadline = time.time() + timeout
        while True:
            if self.proc.poll() is not None:
                raise StepFailed("the workbench exited (%s) while waiting for %s" % (self.proc.returncode, what))
            result = _safe(probe)
            if result:
                return result
            if time.time() > deadline:
                raise StepFailed("timed out after %.0f s waiting for %s" % (timeout, what))
            time.sleep(0.15)

    def _search(self, root, role, name, only_showing, into_tables, limit=1):
        found = []
        stack = [root]
        while stack:
            node = stack.pop()
            r = role_of(node)
            if (role is None or r == role) and _matches(name, name_of(node)) and node is not root:
                if not only_showing or showing(node):
                    found.append(node)
                    if len(found) >= limit:
                        return found
            if only_showing and node is not root and r not in ("menu", "menu item", "menu bar") \
                    and not showing(node):
                continue
            if r in ("table", "tree table", "list", "tree") and not into_tables:
                continue
            count = _safe(lambda: node.childCount, 0)
            stack.extend(_safe(lambda i=i: node.getChildAtIndex(i)) for i in reversed(range(min(count, 2000))))
            stack = [n for n in stack if n is not None]
        return found

    def find(self, role, name, root=None, timeout=DEFAULT_WAIT, only_showing=True, into_tables=False):
        """The first control of `role` whose accessible name is `name` (a string or a compiled regex)."""
        roots = [root] if root is not None else None

        def probe():
            for r in roots or self.top_levels():
                hit = self._search(r, role, name, only_showing, into_tables)
                if hit:
                    return hit[0]
            return None
        return self.wait(probe, "%s %r" % (role, name if not isinstance(name, re.Pattern) else name.pattern),
                         timeout)

    def find_all(self, role, name=None, root=None, only_showing=True, into_tables=False):
        result = []
        for r in ([root] if root is not None else self.top_levels()):
            result += self._search(r, role, name, only_showing, into_tables, limit=100000)
        return result

    def exists(self, role, name, root=None):
        return bool(self.find_all(role, name, root))

    def top_levels(self):
        """Dialogs first (they are where the action is), then the main window."""
        wins = [_safe(lambda i=i: self.app.getChildAtIndex(i)) for i in range(_safe(lambda: self.app.childCount, 0))]
        wins = [w for w in wins if w is not None]
        return sorted(wins, key=lambda w: 0 if role_of(w) in ("dialog", "alert", "file chooser") else 1)

    def dialog(self, title=None, timeout=DEFAULT_WAIT):
        """A dialog or message box of this application, by its title."""
        def probe():
            for w in self.top_levels():
                if role_of(w) in ("dialog", "alert", "file chooser") and _matches(title, name_of(w)) and showing(w):
                    return w
            return None
        return self.wait(probe, "a dialog %r" % (title,), timeout)

    def no_dialog(self, timeout=DEFAULT_WAIT):
        def probe():
            return not any(role_of(w) in ("dialog", "alert", "file chooser") and showing(w) for w in self.top_levels())
        self.wait(probe, "every dialog to close", timeout)

    def alert_text(self, box):
        return "\n".join(text_of(l) for l in self.find_all("label", None, root=box))

    # ---- acting -----------------------------------------------------------
    def do_action(self, node, preferred=("Press", "press", "Toggle", "click", "SetFocus")):
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        for p in preferred:
            if p in names:
                index = names.index(p)
                break
        else:
            if not names:
                raise StepFailed("%s %r has no action" % (role_of(node), name_of(node)))
            index = 0
        # A menu item runs its slot before the bus hears back; a slot that opens a
        # modal dialog only returns when the dialog closes. A short timeout lets
        # the test answer the dialog; the late reply is dropped.
        pyatspi.setTimeout(1500, 1500)
        try:
            action.doAction(index)
        except GLib.GError:
            pass
        except Exception as error:  # pyatspi wraps timeouts in its own types
            if "timeout" not in str(error).lower() and "timed out" not in str(error).lower():
                raise
        finally:
            pyatspi.setTimeout(25000, 25000)

    def press(self, name, role="push button", root=None, timeout=DEFAULT_WAIT):
        node = self.find(role, name, root=root, timeout=timeout)
        self.wait(lambda: node.getState().contains(pyatspi.STATE_ENABLED), "%s %r to be enabled" % (role, name))
        self.do_action(node)
        return node

    def tab(self, name):
        """Selects a page tab by its name (without the &)."""
        node = self.find("page tab", name, only_showing=False)
        self.do_action(node)
        # Qt 6.4 marks the current tab FOCUSED (its tab bar's current index), not SELECTED.
        self.wait(lambda: node.getState().contains(pyatspi.STATE_SELECTED) or
                  node.getState().contains(pyatspi.STATE_FOCUSED), "tab %r to be selected" % name)
        time.sleep(0.3)
        return node

    def menu(self, *path):
        """Chooses a menu item: menu("File", "Export Case Report...")."""
        bar = self.find("menu bar", None, root=self.window, only_showing=False)
        node = bar
        for step in path[:-1]:
            node = self.find(None, step, root=node, only_showing=False)
        item = self.find("menu item", path[-1], root=node, only_showing=False)
        if not item.getState().contains(pyatspi.STATE_ENABLED):
            raise StepFailed("menu item %s is disabled" % " ▸ ".join(path))
        self.do_action(item)
        return item

    def menu_item(self, *path):
        bar = self.find("menu bar", None, root=self.window, only_showing=False)
        node = bar
        for step in path[:-1]:
            node = self.find(None, step, root=node, only_showing=False)
        return self.find("menu item", path[-1], root=node, only_showing=False)

    KEYSYMS = {"Return": 0xff0d, "Tab": 0xff09, "Escape": 0xff1b, "F2": 0xffbf, "End": 0xff57, "Down": 0xff54, "Up": 0xff56, "Home": 0xff50, "Right": 0xff53, "Left": 0xff51,
               "Control": 0xffe3, "Alt": 0xffe9, "Shift": 0xffe1}

    # Hardware keycodes of the modifiers in the X server's default keymap.
    MODIFIER_KEYCODES = {"Control": 37, "Alt": 64, "Shift": 50}
    MODIFIER_MASKS = {"Shift": 1, "Control": 4, "Alt": 8}

    def key(self, name, modifiers=()):
        """Presses a key (with modifiers held) as the keyboard would, for what only keys reach."""
        from gi.repository import Atspi
        # Modifiers held as the X server's modifier state (pressing their keys is not seen by the
        # application under Xvfb): Shift 1, Control 4, Alt 8.
        mask = sum(self.MODIFIER_MASKS[m] for m in modifiers)
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            keysym = self.KEYSYMS.get(name) or ord(name.lower())
            Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        time.sleep(0.3)

    def combo(self, label, root=None):
        """A combo box by the label that names it (on Linux Qt names a combo box by its current text
        and links the label to it), or by its accessible description."""
        def probe():
            for node in self.find_all("label", None, root=root):
                if name_of(node).replace("&", "").rstrip(":") != label:
                    continue
                for relation in node.getRelationSet():
                    if relation.getRelationType() == pyatspi.RELATION_LABEL_FOR:
                        return relation.getTarget(0)
            for node in self.find_all("combo box", None, root=root):
                if _safe(lambda: node.description) == label:
                    return node
            return None
        return self.wait(probe, "combo box labelled %r" % label)

    def type_into(self, node, text):
        editable = node.queryEditableText()
        editable.setTextContents(text)

    def set_text(self, name, text, root=None, role="text"):
        node = self.find(role, name, root=root)
        self.type_into(node, text)
        return node

    def answer_input(self, title, text, button="OK"):
        """Answers a QInputDialog: types into its one field and presses OK."""
        box = self.dialog(title)
        if text is not None:
            fields = self.find_all("text", None, root=box)
            if not fields:
                raise StepFailed("dialog %r has no text field" % title)
            self.type_into(fields[0], text)
        self.press(button, root=box)
        self.gone(box)
        return box

    def answer_form(self, title, texts=None, choices=None, button="OK", closes=True, numbers=None):
        """Answers one of the casework record dialogs: types into its fields and picks its choices, each
        found by its accessible name (the field's label), then presses OK. With closes=False the dialog
        is expected to stay (a validation message beside a field), and is returned."""
        box = self.dialog(title)
        for name, text in (texts or {}).items():
            self.type_into(self.find("text", name, root=box), text)
        for name, item in (choices or {}).items():
            self.choose_in_combo(self.combo(name, root=box), item)
        for name, value in (numbers or {}).items():
            self.find("spin button", name, root=box).queryValue().currentValue = value
        self.press(button, root=box)
        if closes:
            self.gone(box)
        return box

    def gone(self, box, timeout=DEFAULT_WAIT):
        """Waits until a dialog has closed (the next one may have the same title)."""
        self.wait(lambda: not showing(box) or _safe(lambda: box.childCount, 0) == 0, "dialog %r to close" % name_of(box),
                  timeout)

    def choose_in_combo(self, combo, item_name):
        """Picks an item of a combo box by its text."""
        items = self._search(combo, "menu item", item_name, False, True) or \
            self._search(combo, "list item", item_name, False, True)
        if not items:
            raise StepFailed("combo box %r has no item %r" % (name_of(combo), item_name))
        sel = _safe(lambda: combo.querySelection())
        parent = items[0].parent
        index = _safe(lambda: items[0].getIndexInParent(), -1)
        if sel is not None and index >= 0:
            psel = _safe(lambda: parent.querySelection())
            if psel is not None:
                psel.selectChild(index)
        else:
            self.do_action(items[0])
        def current():
            time.sleep(0.2)
            _safe(lambda: combo.clear_cache())
            return name_of(combo)
        if _matches(item_name, current()):
            return
        # A combo box in a dialog may ignore the selection: walk it with the
        # keyboard, as a user would, until it shows the item (its name is its
        # current text).
        combo.queryComponent().grabFocus()
        def focused():
            _safe(lambda: combo.clear_cache())
            return combo.getState().contains(pyatspi.STATE_FOCUSED)
        # Qt does not always give a combo box the focus when asked: Tab to it.
        for _ in range(12):
            if _safe(focused, False):
                break
            self.key("Tab")
        self.wait(focused, "the combo box to have the focus", timeout=2)
        self.key("Home")
        for _ in range(len(self._search(combo, None, None, False, True, limit=500)) + 1):
            if _matches(item_name, current()):
                return
            self.key("Down")
        raise StepFailed("combo box %r did not take %r" % (current(), item_name))

    def save_file(self, title, path):
        """Answers Qt's own file dialog with a path and presses Save (or Open)."""
        box = self.dialog(title)
        field = self.find("text", re.compile(r"^(File name|Directory)"), root=box)
        self.type_into(field, path)
        for label in ("Save", "Open", "Choose"):
            buttons = self.find_all("push button", label, root=box)
            if buttons:
                self.do_action(buttons[0])
                return
        raise StepFailed("file dialog %r has no Save or Open button" % title)

    # ---- reading ----------------------------------------------------------
    def label_text(self, pattern, root=None):
        node = self.find("label", pattern, root=root)
        return text_of(node)

    def table(self, name, root=None):
        return self.find("table", name, root=root)

    def cells(self, table):
        """The table's visible cells as a list of rows of strings (header row first)."""
        t = table.queryTable()
        headers = [name_of(_safe(lambda c=c: t.getColumnHeader(c))) or
                   (_safe(lambda c=c: t.getColumnDescription(c)) or "") for c in range(t.nColumns)]
        rows = [headers]
        for r in range(t.nRows):
            rows.append([text_of(_safe(lambda r=r, c=c: t.getAccessibleAt(r, c))) for c in range(t.nColumns)])
        return rows

    def column(self, table, header):
        rows = self.cells(table)
        if header not in rows[0]:
            raise StepFailed("table %r has no column %r (it has %s)" % (name_of(table), header, rows[0]))
        i = rows[0].index(header)
        return [row[i] for row in rows[1:]]

    def select_row(self, table, row):
        t = table.queryTable()
        sel = _safe(lambda: table.querySelection())
        cell = t.getAccessibleAt(row, 0)
        if sel is not None:
            sel.clearSelection()
        if not _safe(lambda: t.addRowSelection(row), False):
            if sel is not None:
                sel.selectChild(_safe(lambda: cell.getIndexInParent(), row))

    def activate_row(self, table, row, column=0):
        """Double-click equivalent: the cell's first action (Qt's item views open on activation)."""
        cell = table.queryTable().getAccessibleAt(row, column)
        self.select_row(table, row)
        self.do_action(cell)

    def dump(self, root=None, depth=0, max_depth=30, out=None):
        """The tree as text, for writing scenarios and for failure reports."""
        lines = out if out is not None else []
        for r in ([root] if root is not None else self.top_levels()):
            lines.append("%s%s %r%s" % ("  " * depth, role_of(r), name_of(r), "" if showing(r) else " (hidden)"))
            if depth < max_depth and role_of(r) not in ("table", "list", "tree table"):
                for i in range(_safe(lambda: r.childCount, 0)):
                    c = _safe(lambda i=i: r.getChildAtIndex(i))
                    if c is not None:
                        self.dump(c, depth + 1, max_depth, lines)
        return lines


def read_only(path):
    """A case file opened read-only (never changes it, sees WAL contents). A case of a team workspace
    (teambackend.ServerCase) is read as the server holds it now, exported as a case file."""
    if hasattr(path, "export"):
        path = path.export()
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10)


def query(path, sql, params=()):
    with read_only(path) as db:
        return db.execute(sql, params).fetchall()


def expect(condition, message):
    if not condition:
        raise StepFailed(message)
