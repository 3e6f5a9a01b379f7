#pragma once
// The workbench window: wires the panels to the open workspace. It holds no
// storage or computation of its own (style.md practice 10).

#include <QMainWindow>
#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QStackedWidget;

namespace owb {

class PortfolioPanel;
class WelcomePanel;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder, or the workspace of a case file and that case.
    bool openPath(const QString &path);
    bool openDemoWorkspace();
    Workspace *workspace() const { return m_workspace.get(); }
    PortfolioPanel *portfolio() const { return m_portfolio; }
    QString currentQuarter() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseWorkspace();
    void closeWorkspace();
    void refreshPortfolio();
    void updateRecentMenu();
    void rememberRecent(const QString &directory);
    void showError(const QString &title, const QString &message);

    std::unique_ptr<Workspace> m_workspace;
    QStackedWidget *m_stack;
    WelcomePanel *m_welcome;
    PortfolioPanel *m_portfolio;
    QComboBox *m_quarter;
    QLabel *m_methodologyLabel;
    QMenu *m_recentMenu = nullptr;
};

} // namespace owb
