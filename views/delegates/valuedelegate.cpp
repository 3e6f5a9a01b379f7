#include "valuedelegate.h"

#include "itemmodels/itemroles.h"

#include <QComboBox>

namespace owb {

QWidget *ValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList choices = index.data(ChoicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *box = new QComboBox(parent);
    for (const QString &choice : choices)
        box->addItem(choice.isEmpty() ? tr("(missing)") : choice, choice);
    box->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
    // A choice is made with one click: it goes to the model at once.
    connect(box, &QComboBox::activated, this, [this, box] {
        Q_EMIT const_cast<ValueDelegate *>(this)->commitData(box);
        Q_EMIT const_cast<ValueDelegate *>(this)->closeEditor(box);
    });
    return box;
}

void ValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *box = qobject_cast<QComboBox *>(editor);
    if (!box) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    box->setCurrentIndex(qMax(0, box->findData(index.data(Qt::EditRole).toString())));
}

void ValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *box = qobject_cast<QComboBox *>(editor);
    if (!box) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, box->currentData().toString(), Qt::EditRole);
}

} // namespace owb
