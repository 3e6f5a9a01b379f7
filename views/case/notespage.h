#pragma once
// Timestamped notes with author, tagged to a domain or metric, searchable.

#include "casecontext.h"
#include "heldcontrols.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace owb {

class NotesModel;

class NotesPage : public QWidget, public HoldsEdits
{
    Q_OBJECT
public:
    explicit NotesPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    // The notes' cells, the new note and its buttons; the search changes nothing.
    void setHeld(const QString &why) override { m_held->setHeld(why); }
    NotesModel *model() const { return m_model; }

private:
    void addNote();
    void deleteNote();

    CaseContext m_context;
    NotesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_table;
    QComboBox *m_tag;
    QPlainTextEdit *m_text;
    HeldControls *m_held;
};

} // namespace owb
