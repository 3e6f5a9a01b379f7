#include "choicedelegate.h"

#include <QComboBox>

namespace owb {

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("(not set)"), QString());
    for (const auto &[id, name] : m_choices)
        combo->addItem(name, id);
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QString value = index.data(Qt::EditRole).toString();
    int found = combo->findData(value);
    if (found < 0 && !value.isEmpty()) {
        // A stored value not in the list stays choosable, so that editing keeps it.
        combo->addItem(tr("%1 (not in the methodology's list)").arg(value), value);
        found = combo->count() - 1;
    }
    combo->setCurrentIndex(qMax(0, found));
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData().toString(), Qt::EditRole);
}

} // namespace owb
