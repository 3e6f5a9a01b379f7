// Someone else changed the record this user is saving: the conflict dialog
// (dialogs/conflictdialog) shows both values field by field and keeps this
// user's, takes the other, or lets this user edit theirs first. Conflicts
// between processes cannot happen on a folder workspace (one writer), so the
// test makes one with a second connection to the same case file, as a
// colleague's save on a team workspace would.

#include "case/capabilitypage.h"
#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/notespage.h"
#include "casework/casesession.h"
#include "casework/datetext.h"
#include "itemmodels/capabilitymodel.h"
#include "itemmodels/notesmodel.h"
#include "demofixture.h"
#include "dialogs/conflictdialog.h"
#include "itemmodels/itemroles.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/database.h"
#include "store/schemas.h"

#include <QApplication>
#include <QDir>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QLabel>
#include <QTextEdit>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>

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

// The queued dialog (after an undo, or a table cell's edit) has been seen.
bool waitForDialogs(const int *seen, int count)
{
    return QTest::qWaitFor([&] { return *seen >= count; }, 5000);
}

// The row of a milestone added to the open case's casework (-1 if none).
int addedMilestoneRow(CaseworkPage *page, const QString &description, const QString &due)
{
    if (!page->addMilestone(description, due).isEmpty())
        return -1;
    QTest::qWait(100);
    for (int r = 0; r < page->milestones()->rowCount(); ++r)
        if (page->milestones()->item(r, 0)->text() == description)
            return r;
    return -1;
}

QPushButton *markDoneButton(CaseworkPage *page)
{
    for (QPushButton *b : page->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Mark Milestone Do&ne"))
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
            yours = field(dialog, QStringLiteral("Your Milestone"))->text();
            theirs = field(dialog, QStringLiteral("Stored Milestone"))->text();
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
            QLineEdit *mine = field(dialog, QStringLiteral("Your Milestone"));
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

    // Undo of this user's edit after a colleague's: the same dialog. Keep
    // Mine puts this user's earlier value back over the colleague's; Take
    // Theirs drops the undo step and leaves the colleague's value.
    void undoKeepMineOrTakeTheirs()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        const QString path = window.portfolio()->view()->model()->index(3, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QCOMPARE(page->addMilestone(QStringLiteral("Quality summit"), QStringLiteral("2027-02-28")), QString());
        QTest::qWait(100);
        QCOMPARE(page->milestones()->rowCount(), 1);
        CaseSession colleague(path, Methodology::builtIn());
        const qint64 id = page->milestones()->item(0, 0)->data(Qt::UserRole).toLongLong();
        const auto colleagueSets = [&](const QString &description) {
            colleague.casework().records(milestoneTable());
            QCOMPARE(colleague.setRecordField(milestoneTable(), id, QStringLiteral("description"), description), QString());
        };
        const auto stored = [&] { return colleague.casework().field(milestoneTable(), id, QStringLiteral("description")); };
        QUndoStack *stack = window.undoGroup()->activeStack();
        QVERIFY(stack);
        int dialogs = 0;

        // Keep mine: the undo applied over the colleague's version.
        page->milestones()->item(0, 0)->setText(QStringLiteral("Quality summit held"));
        QCOMPARE(stored(), QStringLiteral("Quality summit held"));
        colleagueSets(QStringLiteral("Quality summit postponed"));
        QString yours, theirs;
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            yours = field(dialog, QStringLiteral("Your Milestone"))->text();
            theirs = field(dialog, QStringLiteral("Stored Milestone"))->text();
            button(dialog, QStringLiteral("&Keep Mine"))->click();
        });
        window.undoGroup()->undo();
        QVERIFY(waitForDialogs(&dialogs, 1));
        QCOMPARE(yours, QStringLiteral("Quality summit"));
        QCOMPARE(theirs, QStringLiteral("Quality summit postponed"));
        QCOMPARE(stored(), QStringLiteral("Quality summit"));
        QTest::qWait(100);
        QCOMPARE(page->milestones()->item(0, 0)->text(), QStringLiteral("Quality summit"));
        // ...as a step of its own: undoing it gives the colleague's value back.
        window.undoGroup()->undo();
        QCOMPARE(stored(), QStringLiteral("Quality summit postponed"));
        QTest::qWait(100);

        // Take theirs: nothing written, the undo step gone.
        page->milestones()->item(0, 0)->setText(QStringLiteral("Quality summit moved"));
        QCOMPARE(stored(), QStringLiteral("Quality summit moved"));
        colleagueSets(QStringLiteral("Quality summit in May"));
        const int steps = stack->count();
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            button(dialog, QStringLiteral("&Take Theirs"))->click();
        });
        window.undoGroup()->undo();
        QVERIFY(waitForDialogs(&dialogs, 2));
        QCOMPARE(stored(), QStringLiteral("Quality summit in May"));
        QCOMPARE(stack->count(), steps - 1);
        QTest::qWait(100);
        QCOMPARE(page->milestones()->item(0, 0)->text(), QStringLiteral("Quality summit in May"));
    }

    // A capability rating, a note and a record form that meet a colleague's
    // change show the same dialog (the one place every save reports through).
    void capabilityNoteAndFormConflict()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        const QString path = window.portfolio()->view()->model()->index(4, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        CaseSession colleague(path, Methodology::builtIn());
        int dialogs = 0;

        // The region's rating of one capability area.
        CapabilityPage *capability = window.caseView()->capabilityPage();
        window.caseView()->tabs()->setCurrentWidget(capability);
        CapabilityModel *ratings = capability->model();
        const QString year = ratings->year();
        const QString area = ratings->index(0, 0).data(CodeRole).toString();
        QVERIFY(!area.isEmpty());
        const QList<NamedItem> &scale = Methodology::builtIn().capabilityRatings();
        QVERIFY(scale.size() >= 2);
        QCOMPARE(colleague.setCapabilityArea(year, area, CapabilityArea::RegionRating, scale.at(1).id), QString());
        QString theirs;
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            theirs = field(dialog, QStringLiteral("Stored Region's view"))->text();
            button(dialog, QStringLiteral("&Keep Mine"))->click();
        });
        QVERIFY(!ratings->setData(ratings->index(0, CapabilityModel::RegionRating), scale.at(0).id));
        QVERIFY(waitForDialogs(&dialogs, 1));
        QCOMPARE(theirs, scale.at(1).name);  // by its name, as the page shows it
        QCOMPARE(colleague.capability().areaField(year, area, CapabilityArea::RegionRating), scale.at(0).id);

        // A note's text.
        NotesPage *notes = window.caseView()->notesPage();
        window.caseView()->tabs()->setCurrentWidget(notes);
        CaseSession *session = window.caseView()->context().session;
        QVERIFY(session);
        QCOMPARE(session->addNote(QString(), QString(), QStringLiteral("Met the chair")), QString());
        QTest::qWait(100);
        NotesModel *model = notes->model();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->note(r).body == QStringLiteral("Met the chair"))
                row = r;
        QVERIFY(row >= 0);
        const qint64 note = model->note(row).id;
        colleague.notes().notes();
        QCOMPARE(colleague.setNoteBody(note, QStringLiteral("Met the chair and the CEO")), QString());
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            theirs = field(dialog, QStringLiteral("Stored Note"))->text();
            button(dialog, QStringLiteral("&Take Theirs"))->click();
        });
        QVERIFY(!model->setData(model->index(row, NotesModel::Text), QStringLiteral("Met the chair on Monday")));
        QVERIFY(waitForDialogs(&dialogs, 2));
        QCOMPARE(theirs, QStringLiteral("Met the chair and the CEO"));
        QCOMPARE(colleague.notes().body(note), QStringLiteral("Met the chair and the CEO"));

        // A field of the diagnostic review's form.
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QCOMPARE(page->openReview(QStringLiteral("Deteriorating finances")), QString());
        QTest::qWait(100);
        QLineEdit *team = nullptr;
        for (QLineEdit *edit : page->findChildren<QLineEdit *>())
            if (edit->accessibleName() == QStringLiteral("Team") && edit->isVisibleTo(page))
                team = edit;
        QVERIFY(team);
        const qint64 review = colleague.casework().records(reviewTable()).last().value(QStringLiteral("id")).toLongLong();
        QCOMPARE(colleague.setRecordField(reviewTable(), review, QStringLiteral("team"), QStringLiteral("Finance team")),
                 QString());
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            button(dialog, QStringLiteral("&Edit Mine"))->click();
            field(dialog, QStringLiteral("Your Team"))->setText(QStringLiteral("Finance and estates team"));
            button(dialog, QStringLiteral("&Save Mine"))->click();
        });
        team->setText(QStringLiteral("Estates team"));
        Q_EMIT team->editingFinished();
        QCOMPARE(dialogs, 3);
        QCOMPARE(colleague.casework().field(reviewTable(), review, QStringLiteral("team")),
                 QStringLiteral("Finance and estates team"));
    }

    // Mark Milestone Done (one write of the status and the day it was done)
    // over a colleague's change: the dialog names both fields as the forms
    // do, this user's values and the stored ones as the screen shows them
    // (the status by its name, the date in the one date format); Keep Mine
    // stores both and leaves the colleague's owner.
    void groupedSaveShowsEveryField()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        const QString path = window.portfolio()->view()->model()->index(5, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        const int row = addedMilestoneRow(page, QStringLiteral("Board away day"), QStringLiteral("2027-02-28"));
        QVERIFY(row >= 0);
        const qint64 id = page->milestones()->item(row, 0)->data(Qt::UserRole).toLongLong();
        CaseSession colleague(path, Methodology::builtIn());
        colleague.casework().records(milestoneTable());
        QCOMPARE(colleague.setRecordField(milestoneTable(), id, QStringLiteral("owner"), QStringLiteral("Chair")), QString());
        const ChoiceSet &statuses = Methodology::builtIn().casework().milestoneStatuses;
        int dialogs = 0;
        QStringList seen;
        bool editable = true;
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            for (const QString &name : {QStringLiteral("Your Status"), QStringLiteral("Stored Status"),
                                        QStringLiteral("Your Done on"), QStringLiteral("Stored Done on")})
                seen.append(field(dialog, name) ? field(dialog, name)->text() : QStringLiteral("(none)"));
            editable = button(dialog, QStringLiteral("&Edit Mine"))->isEnabled();
            button(dialog, QStringLiteral("&Keep Mine"))->click();
        });
        page->milestones()->selectRow(row);
        QPushButton *done = markDoneButton(page);
        QVERIFY(done);
        done->click();
        QVERIFY(waitForDialogs(&dialogs, 1));
        QCOMPARE(seen, (QStringList{statuses.nameOf(statuses.finalId), statuses.nameOf(statuses.firstId()),
                                    showDate(QDate::currentDate()), QString()}));
        QVERIFY(!editable);  // a choice and a date: kept or taken, not typed
        QCOMPARE(colleague.casework().field(milestoneTable(), id, QStringLiteral("status")), statuses.finalId);
        QCOMPARE(colleague.casework().field(milestoneTable(), id, QStringLiteral("done_date")),
                 QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(colleague.casework().field(milestoneTable(), id, QStringLiteral("owner")), QStringLiteral("Chair"));
    }

    // Tester (issue 13): a colleague marked the milestone done while this
    // user still saw it open; Mark Milestone Done then says so and shows
    // the record as stored, instead of doing nothing without a word. A
    // colleague's different change is the conflict dialog, as for any field.
    void markDoneAfterColleagueDidIt()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        const QString path = window.portfolio()->view()->model()->index(6, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        const int row = addedMilestoneRow(page, QStringLiteral("Estates plan signed off"), QStringLiteral("2027-03-31"));
        QVERIFY(row >= 0);
        const qint64 id = page->milestones()->item(row, 0)->data(Qt::UserRole).toLongLong();
        const ChoiceSet &statuses = Methodology::builtIn().casework().milestoneStatuses;
        CaseSession colleague(path, Methodology::builtIn());
        colleague.casework().records(milestoneTable());
        QCOMPARE(colleague.setRecordFields(milestoneTable(), id,
                                           {{QStringLiteral("status"), statuses.finalId},
                                            {QStringLiteral("done_date"), QDate::currentDate().toString(Qt::ISODate)}},
                                           QStringLiteral("Mark milestone done")),
                 QString());
        const qint64 entries = colleague.casework().records(milestoneTable()).size();
        QString said;
        auto *timer = new QTimer(&window);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, timer, [timer, &said] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                said = box->text() + box->informativeText();
                timer->stop();
                box->accept();
            }
        });
        timer->start();
        page->milestones()->selectRow(row);
        QPushButton *done = markDoneButton(page);
        QVERIFY(done);
        done->click();
        QVERIFY(QTest::qWaitFor([&] { return !said.isEmpty(); }, 5000));
        QVERIFY2(said.contains(QStringLiteral("someone else has stored this change already")), qPrintable(said));
        // The table now shows what is stored, and nothing more was written.
        QVERIFY(QTest::qWaitFor([&] {
            for (int r = 0; r < page->milestones()->rowCount(); ++r)
                for (int c = 0; c < page->milestones()->columnCount(); ++c)
                    if (page->milestones()->item(r, 0)->data(Qt::UserRole).toLongLong() == id && page->milestones()->item(r, c)
                        && page->milestones()->item(r, c)->text() == statuses.nameOf(statuses.finalId))
                        return true;
            return false;
        }, 5000));
        QCOMPARE(colleague.casework().records(milestoneTable()).size(), entries);
        QVERIFY(!window.caseView()->context().session->undoStack()->canUndo()
                || window.caseView()->context().session->undoStack()->undoText() != QStringLiteral("Mark milestone done"));
    }

    // A finding's text and a rationale are long, or on several lines: each
    // is shown whole in a read-only multi-line box sized to it (a very long
    // one scrolls), not cut in a one-line box, and Edit Mine offers a
    // multi-line editor whose lines are what Save Mine keeps. A short value
    // stays in a one-line box.
    void longValuesShownWhole()
    {
        const QString finding = QStringLiteral(
            "Referral-to-treatment waits over 52 weeks rose for the third quarter running, concentrated in "
            "trauma and orthopaedics and ophthalmology.\nThe validation of the waiting list is six months "
            "behind, and the board was not told until the March meeting.");
        const QString theirs = QStringLiteral("Waits over 52 weeks rose for the third quarter running.\n"
                                              "Validation of the list is behind.");
        QString rationale;
        for (int i = 1; i <= 40; ++i)
            rationale += QStringLiteral("Paragraph %1 of the decision's rationale, as the panel recorded it.\n").arg(i);
        const QList<FieldWrite> fields{
            {QStringLiteral("finding"), 1, QStringLiteral("description"), finding, theirs},
            {QStringLiteral("finding"), 1, QStringLiteral("severity"), QStringLiteral("high"), QStringLiteral("moderate")},
            {QStringLiteral("diagnostic_review"), 1, QStringLiteral("decision_rationale"), rationale, QStringLiteral("Agreed.")},
        };
        const StoreConflict conflict(QStringLiteral("changed"), QStringLiteral("finding"), 1,
                                     {QStringLiteral("description")}, theirs, theirs, false, 2);
        ConflictDialog dialog(conflict, conflictRows(Methodology::builtIn(), fields, false), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(50);
        const auto box = [&](const QString &name) {
            for (QTextEdit *edit : dialog.findChildren<QTextEdit *>())
                if (edit->accessibleName() == name)
                    return edit;
            return static_cast<QTextEdit *>(nullptr);
        };
        QTextEdit *mine = box(QStringLiteral("Your Finding"));
        QTextEdit *stored = box(QStringLiteral("Stored Finding"));
        QVERIFY(mine && stored);
        QCOMPARE(mine->toPlainText(), finding);
        QCOMPARE(stored->toPlainText(), theirs);
        QVERIFY(mine->isReadOnly() && stored->isReadOnly());
        // Sized to the text: all of it in view, no scroll bar, and more than one line tall.
        for (QTextEdit *edit : {mine, stored}) {
            QVERIFY2(!edit->verticalScrollBar()->isVisible(), qPrintable(edit->accessibleName()));
            QVERIFY(edit->height() >= int(edit->document()->size().height()));
            QVERIFY(edit->height() > 2 * edit->fontMetrics().lineSpacing());
        }
        // A short value: one line, as before.
        QVERIFY(field(&dialog, QStringLiteral("Your Severity")));
        QVERIFY(!box(QStringLiteral("Your Severity")));
        // A very long one scrolls, at a height that leaves the dialog on the screen.
        QTextEdit *long_ = box(QStringLiteral("Your Rationale"));
        QVERIFY(long_);
        QCOMPARE(long_->toPlainText(), rationale);
        QVERIFY(long_->verticalScrollBar()->isVisible());
        QVERIFY(long_->height() < 20 * long_->fontMetrics().lineSpacing());
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            dialog.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("conflict-long.png")));

        // Edit Mine: a multi-line editor; its lines are what is kept.
        button(&dialog, QStringLiteral("&Edit Mine"))->click();
        QVERIFY(!mine->isReadOnly());
        QVERIFY(stored->isReadOnly());
        const QString edited = finding + QStringLiteral("\nAgreed with the trust's medical director on 4 April.");
        mine->setPlainText(edited);
        QCOMPARE(dialog.mine().first(), edited);
        QCOMPARE(dialog.mine().at(1), QStringLiteral("high"));
        QTest::qWait(50);
        QVERIFY2(mine->height() >= int(mine->document()->size().height()), "the edited text does not fit");
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            dialog.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("conflict-edit.png")));
    }

    // Tester (issue 14, D4): a colleague marked the milestone done while
    // this user, still seeing it open, pressed Remove Milestone. The dialog
    // shows what the colleague changed (as seen, as stored now) and offers
    // what its words say: remove it anyway, or keep theirs. And (D9) the
    // Mark Done step is named as such on Edit > Undo.
    void staleRemoveShowsWhatChanged()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_demo.filePath(QStringLiteral("demo"))));
        const QString path = window.portfolio()->view()->model()->index(6, 0).data(PathRole).toString();
        QVERIFY(window.openCase(path));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        const auto undoAction = [&] {
            for (QAction *action : window.findChildren<QAction *>())
                if (action->text().startsWith(QStringLiteral("&Undo")))
                    return action;
            return static_cast<QAction *>(nullptr);
        };
        // Mark Milestone Done, undone by name.
        int row = addedMilestoneRow(page, QStringLiteral("Theatre plan"), QStringLiteral("2027-02-28"));
        QVERIFY(row >= 0);
        QCOMPARE(undoAction()->text(), QStringLiteral("&Undo Add milestone"));
        page->milestones()->selectRow(row);
        markDoneButton(page)->click();
        QTest::qWait(100);
        QCOMPARE(undoAction()->text(), QStringLiteral("&Undo Mark milestone done"));

        row = addedMilestoneRow(page, QStringLiteral("Workforce plan"), QStringLiteral("2027-03-31"));
        QVERIFY(row >= 0);
        const qint64 id = page->milestones()->item(row, 0)->data(Qt::UserRole).toLongLong();
        CaseSession colleague(path, Methodology::builtIn());
        colleague.casework().records(milestoneTable());
        QCOMPARE(colleague.setRecordField(milestoneTable(), id, QStringLiteral("status"), QStringLiteral("done")), QString());
        const QString doneOn = showDate(colleague.casework().field(milestoneTable(), id, QStringLiteral("done_date")));
        int dialogs = 0;
        QString seenStatus, storedStatus, storedDate, intro;
        bool editShown = true, removeEnabled = false;
        whenConflictShows(&dialogs, [&](ConflictDialog *dialog) {
            seenStatus = field(dialog, QStringLiteral("Seen Status"))->text();
            storedStatus = field(dialog, QStringLiteral("Stored Status"))->text();
            storedDate = field(dialog, QStringLiteral("Stored Done on"))->text();
            for (QLabel *label : dialog->findChildren<QLabel *>())
                if (label->wordWrap())
                    intro = label->text();
            editShown = button(dialog, QStringLiteral("&Edit Mine"))->isVisible();
            removeEnabled = button(dialog, QStringLiteral("&Remove Anyway"))->isEnabled();
            QVERIFY(button(dialog, QStringLiteral("K&eep Theirs")));
            if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
                dialog->grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("conflict-remove.png")));
            button(dialog, QStringLiteral("&Remove Anyway"))->click();
        });
        page->milestones()->selectRow(row);
        QPushButton *remove = nullptr;
        for (QPushButton *b : page->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Remove Milestone"))
                remove = b;
        QVERIFY(remove && remove->isEnabled());
        remove->click();
        QVERIFY(waitForDialogs(&dialogs, 1));
        QCOMPARE(seenStatus, QStringLiteral("Open"));
        QCOMPARE(storedStatus, QStringLiteral("Done"));
        QCOMPARE(storedDate, doneOn);
        QVERIFY2(intro.contains(QStringLiteral("Remove it anyway")) && !intro.contains(QStringLiteral("Keep yours")),
                 qPrintable(intro));
        QVERIFY(!editShown);
        QVERIFY(removeEnabled);
        QVERIFY(QTest::qWaitFor([&] { return colleague.casework().record(milestoneTable(), id).isEmpty(); }, 5000));
        QCOMPARE(undoAction()->text(), QStringLiteral("&Undo Remove milestone"));
    }

    // Tester (issue 14, D9): a one-line value of up to 40 characters (a team
    // with quotes and SQL in it, in wide capitals) shows whole, without
    // scrolling its box; one of about 80
    // characters wraps in a multi-line box with no horizontal scroll.
    void shortValuesShownWhole()
    {
        const QString carol = QStringLiteral("Carol \"QUOTED\" TEAM \\ ; SELECT * FROM MW");
        const QString alice = QStringLiteral("ALICE'S TEAM'); DROP TABLE CASES; -- MWM");
        const QString eighty = QStringLiteral("Referral-to-treatment waits rose for a third quarter, mostly in trauma and orthopaedics.");
        QVERIFY(carol.size() <= 40 && alice.size() <= 40 && eighty.size() >= 78);
        const QList<FieldWrite> fields{
            {QStringLiteral("diagnostic_review"), 1, QStringLiteral("team"), carol, alice},
            {QStringLiteral("diagnostic_review"), 1, QStringLiteral("scope"), eighty, QStringLiteral("Elective waits.")},
        };
        const StoreConflict conflict(QStringLiteral("changed"), QStringLiteral("diagnostic_review"), 1,
                                     {QStringLiteral("team")}, carol, alice, false, 2);
        ConflictDialog dialog(conflict, conflictRows(Methodology::builtIn(), fields, false), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(50);
        int lines = 0;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            QStyleOptionFrame option;
            option.initFrom(edit);
            option.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit);
            const QRect contents = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
            const int room = contents.width() - edit->textMargins().left() - edit->textMargins().right() - 2 * 2;
            const int needs = edit->fontMetrics().horizontalAdvance(edit->text());
            QVERIFY2(needs < room, qPrintable(QStringLiteral("%1: \"%2\" needs %3 px in %4")
                                                  .arg(edit->accessibleName(), edit->text()).arg(needs).arg(room)));
            // Laid out whole, inside the dialog, over no other box.
            QVERIFY2(dialog.rect().contains(QRect(edit->mapTo(&dialog, QPoint(0, 0)), edit->size())),
                     qPrintable(edit->accessibleName()));
            for (QWidget *other : dialog.findChildren<QWidget *>())
                if (other != edit && (qobject_cast<QLineEdit *>(other) || qobject_cast<QTextEdit *>(other)))
                    QVERIFY2(!QRect(other->mapTo(&dialog, QPoint(0, 0)), other->size())
                                  .intersects(QRect(edit->mapTo(&dialog, QPoint(0, 0)), edit->size())),
                             qPrintable(edit->accessibleName() + QStringLiteral(" overlaps ") + other->accessibleName()));
            ++lines;
        }
        QCOMPARE(lines, 2);
        int boxes = 0;
        for (QTextEdit *edit : dialog.findChildren<QTextEdit *>()) {
            QCOMPARE(edit->horizontalScrollBar()->maximum(), 0);
            QVERIFY(!edit->verticalScrollBar()->isVisible());
            ++boxes;
        }
        QCOMPARE(boxes, 2);
        QVERIFY(dialog.frameGeometry().width() <= dialog.screen()->availableGeometry().width());
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            dialog.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("conflict-short.png")));
    }

private:
    DemoFolder m_demo;
};

QTEST_MAIN(TestConflict)
#include "tst_conflict.moc"
