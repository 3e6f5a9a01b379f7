// Someone else changed the record this user is saving: the conflict dialog
// (dialogs/conflictdialog) shows both values field by field and keeps this
// user's, takes the other, or lets this user edit theirs first. Conflicts
// between processes cannot happen on a folder workspace (one writer), so the
// test makes one with a second connection to the same case file, as a
// colleague's save on a team workspace would.

#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "demofixture.h"
#include "dialogs/conflictdialog.h"
#include "itemmodels/itemroles.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/database.h"
#include "store/schemas.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace owb;
using namespace owbtest;

namespace {

// Runs `drive` on the conflict dialog once it is open (modal); counts the dialogs seen.
void whenConflictShows(int *seen, const std::function<void(ConflictDialog *)> &drive)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen, drive] {
        if (auto *dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            ++*seen;
            drive(dialog);
        }
    });
    timer->start();
}

QLineEdit *field(ConflictDialog *dialog, const QString &accessibleName)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        if (edit->accessibleName() == accessibleName)
            return edit;
    return nullptr;
}

QPushButton *button(ConflictDialog *dialog, const QString &text)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class TestConflict : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_demo.create());
    }

    void keepTakeOrEdit()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        QTableView *portfolio = window.portfolio()->view();
        const QString path = portfolio->model()->index(2, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        CaseworkPage *page = window.caseView()->caseworkPage();
        QCOMPARE(page->openReview(QStringLiteral("Deteriorating elective performance")), QString());
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2027-01-31")), QString());
        QTest::qWait(100);  // the reload is queued
        QTableWidget *milestones = page->milestones();
        QCOMPARE(milestones->rowCount(), 1);

        // A colleague's connection to the same case file.
        Database other(path, caseFileSchema(), Database::Mode::OpenExisting);
        const qint64 id = other.scalar(QStringLiteral("SELECT id FROM milestone")).toLongLong();
        const auto colleagueSets = [&](const QString &description) {
            Transaction transaction(other);
            other.exec(QStringLiteral("UPDATE milestone SET description = ?, row_version = row_version + 1 WHERE id = ?"),
                       {description, id});
            transaction.commit();
        };
        const auto stored = [&] {
            return other.scalar(QStringLiteral("SELECT description FROM milestone WHERE id = ?"), {id}).toString();
        };
        int dialogs = 0;

        // Keep mine: saved over the colleague's change.
        colleagueSets(QStringLiteral("Plan approved by the board"));
        QString yours, theirs;
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            yours = field(dialog, QStringLiteral("Your description"))->text();
            theirs = field(dialog, QStringLiteral("Stored description"))->text();
            button(dialog, QStringLiteral("&Keep Mine"))->click();
        });
        milestones->item(0, 0)->setText(QStringLiteral("Recovery plan signed off"));
        QCOMPARE(dialogs, 1);
        QCOMPARE(yours, QStringLiteral("Recovery plan signed off"));
        QCOMPARE(theirs, QStringLiteral("Plan approved by the board"));
        QCOMPARE(stored(), QStringLiteral("Recovery plan signed off"));

        // Take theirs: the colleague's value stays, and the table shows it.
        QTest::qWait(100);
        colleagueSets(QStringLiteral("Plan approved in March"));
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            button(dialog, QStringLiteral("&Take Theirs"))->click();
        });
        page->milestones()->item(0, 0)->setText(QStringLiteral("Plan signed"));
        QCOMPARE(dialogs, 2);
        QCOMPARE(stored(), QStringLiteral("Plan approved in March"));
        QTest::qWait(100);
        QCOMPARE(page->milestones()->item(0, 0)->text(), QStringLiteral("Plan approved in March"));

        // Edit mine, then save it.
        colleagueSets(QStringLiteral("Plan approved on 3 March"));
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            QLineEdit *mine = field(dialog, QStringLiteral("Your description"));
            QVERIFY(mine->isReadOnly());
            button(dialog, QStringLiteral("&Edit Mine"))->click();
            QVERIFY(!mine->isReadOnly());
            mine->setText(QStringLiteral("Plan approved on 3 March, signed on 10 March"));
            button(dialog, QStringLiteral("&Save Mine"))->click();
        });
        page->milestones()->item(0, 0)->setText(QStringLiteral("Signed on 10 March"));
        QCOMPARE(dialogs, 3);
        QCOMPARE(stored(), QStringLiteral("Plan approved on 3 March, signed on 10 March"));
    }

private:
    DemoFolder m_demo;
};

QTEST_MAIN(TestConflict)
#include "tst_conflict.moc"
