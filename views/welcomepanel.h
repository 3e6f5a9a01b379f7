#pragma once
// The start page: what the workbench is, the three ways to begin (the demo
// workspace, an existing folder, a new workspace from a metric file) and the
// recently opened workspaces, each reopened with one click.

#include <QWidget>

class QVBoxLayout;

namespace owb {

class WelcomePanel : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    // Most recent first; a folder that is gone is listed but cannot be chosen.
    void setRecentWorkspaces(const QStringList &directories);

Q_SIGNALS:
    void openDemoRequested();
    void openWorkspaceRequested();
    void createFromCsvRequested();
    void recentRequested(const QString &directory);

private:
    QVBoxLayout *m_recentColumn;
    QObject *m_enterPresses; // presses a focused start button on Enter
};

} // namespace owb
