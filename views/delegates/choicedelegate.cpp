#include "choicedelegate.h"

#include "itemmodels/itemroles.h"

#include <QAbstractItemView>
#include <QComboBox>

namespace owb {

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    if (!m_required)
        combo->addItem(tr("(not set)"), QString());
    for (const auto &[id, name] : m_choices)
        combo->addItem(name, id);
    // Sized by the cell (updateEditorGeometry), never to its own contents: a
    // combo box adjusting to its contents shrank itself inside the cell once
    // its items were set. Its list is as wide as its longest choice.
    combo->view()->setMinimumWidth(editorWidth());
    return combo;
}

int ChoiceDelegate::editorWidth() const
{
    if (m_editorWidth < 0) {
        QComboBox probe;
        if (!m_required)
            probe.addItem(tr("(not set)"));
        for (const auto &choice : m_choices)
            probe.addItem(choice.second);
        probe.setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_editorWidth = probe.sizeHint().width();
    }
    return m_editorWidth;
}

QSize ChoiceDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), editorWidth()));
    return size;
}

void ChoiceDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                          const QModelIndex &) const
{
    // The whole cell; never narrower than its longest choice, even in a
    // column made narrower by hand.
    QRect rect = option.rect;
    rect.setWidth(qMax(rect.width(), editorWidth()));
    editor->setGeometry(rect);
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    // A cell showing a name keeps the id it stores apart.
    const QVariant stored = index.data(StoredValueRole);
    const QString value = stored.isValid() ? stored.toString() : index.data(Qt::EditRole).toString();
    int found = combo->findData(value);
    if (found < 0 && !value.isEmpty()) {
        // A stored value not in the list stays choosable, so that editing keeps it.
        combo->addItem(tr("%1 (not in the methodology's list)").arg(value), value);
        found = combo->count() - 1;
    }
    // A required field stored empty (an older file) shows no choice until one is made.
    combo->setCurrentIndex(found >= 0 ? found : m_required ? -1 : 0);
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    if (combo->currentIndex() < 0)
        return; // nothing chosen: the cell keeps what it holds
    model->setData(index, combo->currentData().toString(), Qt::EditRole);
}

} // namespace owb
