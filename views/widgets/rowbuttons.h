#pragma once
// The one rule for a table's buttons that act on its rows (Remove, Save
// Attachment As...): enabled only while the table has a row to act on, so a
// button never offers what it cannot do. Followed as rows come and go;
// `enable`, when given, sets a button's state (a page that holds its edits).

#include <functional>
#include <initializer_list>

class QAbstractItemView;
class QWidget;

namespace owb {

void enableWithRows(QAbstractItemView *view, std::initializer_list<QWidget *> buttons,
                    std::function<void(QWidget *, bool)> enable = {});

} // namespace owb
