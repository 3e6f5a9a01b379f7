#pragma once
// File ▸ Methodologies...: the workspace's register of methodologies (the
// file in force for each financial year), and adding a re-issued file: it
// shows what would change (a dry run) and makes the change only when the
// user confirms it, through the same model functions as
// `owb methodology add --apply`.

#include <QDialog>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace owb {

class Methodology;
struct MethodologyChangePlan;
struct MethodologyChangeRow;
class Workspace;

class MethodologiesDialog : public QDialog
{
    Q_OBJECT
public:
    // `workspace` gives the open workspace (it changes when the change is
    // made); `apply` makes the change (the window lets go of the workspace,
    // re-assesses, opens it again) and returns the case-file quarters
    // re-assessed, or throws StoreError.
    using WorkspaceGetter = std::function<Workspace *()>;
    using Apply = std::function<int(const Methodology &)>;
    MethodologiesDialog(WorkspaceGetter workspace, Apply apply, QWidget *parent = nullptr);

    // Reads a methodology file, shows the dry run and, on confirmation, applies it.
    void addFile(const QString &path);
    QTableWidget *registerTable() const { return m_register; }
    QPushButton *addButton() const { return m_add; }

private:
    void chooseFile();
    void refresh();
    bool confirm(const Methodology &methodology, const MethodologyChangePlan &plan);
    // After Apply: what was done, with the same list of changes as the dry
    // run ("Methodology Applied").
    void showApplied(const QString &said, const QList<MethodologyChangeRow> &changed);
    static QTableWidget *changesTable(const QList<MethodologyChangeRow> &changed, QWidget *parent);

    WorkspaceGetter m_workspace;
    Apply m_apply;
    QTableWidget *m_register;
    QPushButton *m_add;
    QLabel *m_readOnly;
    QLabel *m_status;
};

} // namespace owb
