#pragma once
// Edits a value cell as a choice when the model offers the values it may take
// (ChoicesRole: a band metric's labels, "" first for none), as text otherwise.

#include <QStyledItemDelegate>

namespace owb {

class ValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ValueDelegate(QObject *parent = nullptr) : QStyledItemDelegate(parent) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace owb
