#pragma once
// What a first run shows: the demo workspace, an existing folder, or a new
// workspace from a metric file.

#include <QWidget>

namespace owb {

class WelcomePanel : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

Q_SIGNALS:
    void openDemoRequested();
    void openWorkspaceRequested();
    void createFromCsvRequested();
};

} // namespace owb
