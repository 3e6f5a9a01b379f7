#pragma once
// Edits a cell by choosing from a fixed list of (id, name) pairs: the model's
// EditRole holds the id, the combo box shows the names.

#include <QStyledItemDelegate>

namespace owb {

class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChoiceDelegate(QObject *parent = nullptr) : QStyledItemDelegate(parent) {}
    // An empty id is offered first, as "not set", unless the field is required.
    void setChoices(const QList<std::pair<QString, QString>> &choices)
    {
        m_choices = choices;
        m_editorWidth = -1;
    }
    // A field that may not be left empty (a milestone's status, a finding's
    // severity): its editor offers only the real choices.
    void setRequired(bool required)
    {
        m_required = required;
        m_editorWidth = -1;
    }
    bool isRequired() const { return m_required; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    // Wide enough for the combo box showing the longest choice, so that a
    // column sized to its contents never cuts the editor's text
    // ("Limited confidenc").
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The editor fills the cell (and is never narrower than its longest choice).
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

private:
    int editorWidth() const;

    QList<std::pair<QString, QString>> m_choices;
    bool m_required = false;
    mutable int m_editorWidth = -1; // measured once per list of choices
};

} // namespace owb
