// The casework page as a person reads, scrolls and types in it (offscreen):
// tables that name what the methodology names, counts and empty states,
// another case starting at the top, each table as tall as its rows, the
// navigator following the section in view, and the record form by keyboard
// (its messages, a decision that must be chosen, a form that shrinks back).
// Also as tst_caselayout_server, on a team workspace (demofixture.h).

#include "case/capabilitypage.h"
#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "delegates/choicedelegate.h"
#include "case/programmesection.h"
#include "case/historypage.h"
#include "case/metricspage.h"
#include "case/notespage.h"
#include "case/recorddialog.h"
#include "case/systempage.h"
#include "case/whatifpage.h"
#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/plannedquarters.h"
#include "data/quarterlabel.h"
#include "demofixture.h"
#include "itemmodels/capabilitymodel.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/metricsmodel.h"
#include "itemmodels/notesmodel.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "itemmodels/whatifmodel.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/casefile.h"
#include "store/workspace.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QAction>
#include <QStyle>
#include <memory>
#include <QApplication>
#include <QListWidget>
#include <QPushButton>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QRegularExpression>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QMessageBox>
#include <QTest>
#include <QUndoGroup>

using namespace owb;

using owbtest::goToQuarter;
using owbtest::looksRendered;

class TestCaseLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
        // As the workbench runs: plural forms ("1 overdue") need the translation.
        QVERIFY(installTranslations(*QCoreApplication::instance()));
    }

    // Tester's report 13, items 3, 8, 12, 16: casework tables name what the
    // methodology names (never stored ids), one overdue count for milestones
    // in the section and the navigator, an ICB in the programme is
    // "equivalent to segment 5", and nothing to act on means no action.
    void caseworkNamesCountsAndEmptyStates()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("names")));
        QString icbCode;
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (icbCode.isEmpty() && file->identity().peerType == QLatin1String("icb"))
                icbCode = code;
            if (reviewCode.isEmpty() && !CaseworkStore(file->scope()).records(findingTable()).isEmpty())
                reviewCode = code;
        }
        QVERIFY(!icbCode.isEmpty());
        QVERIFY(!reviewCode.isEmpty());
        QVERIFY(window.openCaseCode(reviewCode));
        CaseView *view = window.caseView();
        view->tabs()->setCurrentWidget(view->caseworkPage());
        CaseworkPage *page = view->caseworkPage();
        CaseSession *session = view->context().session;
        const Methodology &methodology = session->methodology();
        const QList<QVariantMap> findings = session->casework().records(findingTable());
        QVERIFY(page->findings()->rowCount() >= 1);
        const QString severity = findings.first().value(QStringLiteral("severity")).toString();
        QVERIFY(!severity.isEmpty());
        QCOMPARE(page->findings()->item(0, 1)->text(), methodology.casework().severities.nameOf(severity));
        QVERIFY(page->findings()->item(0, 1)->text() != severity);
        // Domains and metrics by name, as the reports print them.
        const QString domains = findings.first().value(QStringLiteral("domains")).toString();
        for (const Domain &d : methodology.domains())
            if (domains.contains(d.id))
                QVERIFY2(page->findings()->item(0, 4)->text().contains(d.name), qPrintable(page->findings()->item(0, 4)->text()));
        const QString metrics = findings.first().value(QStringLiteral("metrics")).toString();
        for (const MetricDefinition &m : methodology.metrics())
            if (!metrics.isEmpty() && metrics.split(QStringLiteral(", ")).contains(m.id))
                QVERIFY2(page->findings()->item(0, 5)->text().contains(m.name), qPrintable(page->findings()->item(0, 5)->text()));

        // No milestones: nothing to mark done or remove.
        auto button = [page](const QString &text) {
            for (QPushButton *b : page->findChildren<QPushButton *>())
                if (b->text().remove(QLatin1Char('&')) == text)
                    return b;
            return static_cast<QPushButton *>(nullptr);
        };
        for (const QVariantMap &m : session->casework().records(milestoneTable()))
            QCOMPARE(session->removeRecord(milestoneTable(), m.value(QStringLiteral("id")).toLongLong(), QStringLiteral("remove")), QString());
        QTest::qWait(100);
        QVERIFY(button(QStringLiteral("Remove Milestone")));
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(!button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        // One overdue milestone: the red row, the section's line and the navigator agree.
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2020-01-31")), QString());
        QTest::qWait(100);
        // Issue 13 (tester): the row actions wait for a row selected, Remove
        // as Mark Done does; every section's Remove likewise.
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(!button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        page->milestones()->selectRow(0);
        QVERIFY(button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        page->milestones()->clearSelection();
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        for (const QString &remove : {QStringLiteral("Remove Criterion"), QStringLiteral("Remove Review"),
                                      QStringLiteral("Remove Point"), QStringLiteral("Remove Finding"),
                                      QStringLiteral("Remove Evidence Item")})
            if (QPushButton *b = button(remove); b && b->isEnabled()) {
                bool selected = false;
                for (const QTableWidget *t : page->findChildren<QTableWidget *>())
                    selected = selected || !t->selectionModel()->selectedRows().isEmpty();
                QVERIFY2(selected, qPrintable(remove + QStringLiteral(" enabled with no row selected")));
            }
        QCOMPARE(page->milestones()->item(0, 0)->foreground().color(), QColor(0xda, 0x29, 0x1c));
        QCOMPARE(page->milestones()->item(0, 3)->text(),
                 methodology.casework().milestoneStatuses.nameOf(methodology.casework().milestoneStatuses.firstId()));
        auto *navigator = page->findChild<QListWidget *>();
        QVERIFY(navigator);
        QString milestonesLine;
        for (int i = 0; i < navigator->count(); ++i)
            if (navigator->item(i)->text().startsWith(QStringLiteral("Milestones")))
                milestonesLine = navigator->item(i)->text();
        QVERIFY2(milestonesLine.contains(QStringLiteral("1 overdue")), qPrintable(milestonesLine));
        bool sectionSays = false;
        for (const QLabel *label : page->findChildren<QLabel *>())
            sectionSays = sectionSays || label->text().startsWith(QStringLiteral("Overdue milestones (1)"));
        QVERIFY(sectionSays);

        // An ICB in the programme in a year that does not segment ICBs
        // (2025/26): "equivalent to segment 5", never "segment 5" alone; in
        // 2026/27, which segments them, segment 5.
        QVERIFY(goToQuarter(window, QStringLiteral("2025/26 Q4")));
        QVERIFY(window.openCaseCode(icbCode));
        view->tabs()->setCurrentWidget(view->caseworkPage());
        session = view->context().session;
        if (session->casework().programmeIn(window.currentQuarter()) == 0)
            QCOMPARE(page->enterProgramme(QStringLiteral("Regional decision"), QString()), QString());
        QTest::qWait(100);
        bool equivalent = false;
        for (const QLabel *label : page->programme()->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(QStringLiteral(": segment 5")), qPrintable(label->text()));
            equivalent = equivalent || label->text().contains(QStringLiteral("equivalent to segment 5 until an exit"));
        }
        QVERIFY(equivalent);
        QVERIFY(goToQuarter(window, QStringLiteral("2026/27 Q1")));
        QTest::qWait(100);
        bool segmentFive = false;
        for (const QLabel *label : page->programme()->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(QStringLiteral("equivalent to segment 5")), qPrintable(label->text()));
            segmentFive = segmentFive || label->text().contains(QStringLiteral(": segment 5 until an exit"));
        }
        QVERIFY(segmentFive);
    }

    // Another case's casework starts at its top, not where the last case
    // was left (issue 11 retest).
    void caseworkScrollResetsForAnotherCase()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("scroll")));
        const QStringList codes = window.workspace()->caseCodes();
        QVERIFY(codes.size() >= 2);
        window.resize(1280, 480);
        auto *scroll = window.caseView()->caseworkPage()->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QString scrolled;  // a case whose casework is longer than the page
        for (const QString &code : codes) {
            QVERIFY(window.openCaseCode(code));
            window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
            QTest::qWait(100);
            if (scroll->verticalScrollBar()->maximum() > 0) {
                scrolled = code;
                break;
            }
        }
        QVERIFY(!scrolled.isEmpty());
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QVERIFY(window.openCaseCode(codes.at(codes.at(0) == scrolled ? 1 : 0)));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        QTest::qWait(100);
        QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    }

    // Issue 13 (tester): each casework table is as tall as its rows (up to
    // a bound): the findings table with a milestones table below it is no
    // scroll box with a row cut off, a short table no tall empty box.
    void caseworkTablesFitTheirRows()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("fit")));
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (reviewCode.isEmpty() && CaseworkStore(file->scope()).records(findingTable()).size() >= 2)
                reviewCode = code;
        }
        QVERIFY(!reviewCode.isEmpty());
        QVERIFY(window.openCaseCode(reviewCode));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2030-01-31")), QString());
        QTest::qWait(150);
        QVERIFY(page->findings()->rowCount() >= 2);
        int looked = 0;
        for (QTableWidget *table : page->findChildren<QTableWidget *>()) {
            if (!table->isVisible() || table->rowCount() == 0 || table->rowCount() > 8)
                continue;
            const int rows = table->verticalHeader()->length();
            QVERIFY2(table->verticalScrollBar()->maximum() == 0,
                     qPrintable(table->accessibleName() + QStringLiteral(": a row cut off")));
            QVERIFY2(table->viewport()->height() - rows < 40,
                     qPrintable(table->accessibleName()
                                + QStringLiteral(": %1 px empty").arg(table->viewport()->height() - rows)));
            ++looked;
        }
        QVERIFY(looked >= 3);
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR")) {
            auto *scroll = page->findChild<QScrollArea *>();
            scroll->verticalScrollBar()->setValue(page->findings()->mapTo(scroll->widget(), QPoint(0, 0)).y() - 100);
            QTest::qWait(50);
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("casework-tables.png")));
        }
    }

    // Issue 13 (tester): the navigator highlights the section in view, not
    // the one whose last lines are at the top of the page with the next
    // filling it; at the end of the page, the last section whose top shows.
    void navigatorFollowsSectionInView()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("navigator")));
        CaseworkPage *page = window.caseView()->caseworkPage();
        auto *scroll = page->findChild<QScrollArea *>();
        auto *navigator = page->findChild<QListWidget *>();
        QVERIFY(scroll && navigator);
        QScrollBar *bar = scroll->verticalScrollBar();
        auto sectionAt = [navigator](int row) {
            return qobject_cast<QWidget *>(navigator->item(row)->data(Qt::UserRole).value<QObject *>());
        };
        // Until the page is laid out: the tables size themselves to their rows
        // over several passes of the event loop, more of them on a slow
        // (sanitizer) build than a fixed wait allows.
        auto settle = [&] {
            auto geometry = [&] {
                QList<int> at{bar->maximum(), bar->value(), navigator->currentRow()};
                for (int row = 0; row < navigator->count(); ++row)
                    at << sectionAt(row)->y() << sectionAt(row)->height();
                return at;
            };
            QList<int> before = geometry();
            for (int pass = 0, still = 0; pass < 200 && still < 3; ++pass) {
                QTest::qWait(20);
                const QList<int> now = geometry();
                still = now == before ? still + 1 : 0;
                before = now;
            }
        };
        int checked = 0;
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            window.caseView()->tabs()->setCurrentWidget(page);
            // A programme for this case, so that its sections are long.
            CaseSession *session = window.caseView()->context().session;
            if (session->casework().programmeIn(window.currentQuarter()) == 0)
                page->enterProgramme(QStringLiteral("Regional decision"), QString());
            settle();
            for (int row = 1; row < navigator->count(); ++row) {
                QWidget *section = sectionAt(row);
                if (navigator->item(row)->isHidden() || section->height() < scroll->viewport()->height() / 2)
                    continue;
                // The section before it ends 60 px into the page.
                bar->setValue(section->y() - 60);
                settle();
                if (bar->value() >= bar->maximum())
                    continue;
                QCOMPARE(navigator->currentRow(), row);
                ++checked;
            }
            bar->setValue(bar->maximum());
            settle();
            if (bar->maximum() > 0) {
                QWidget *current = sectionAt(navigator->currentRow());
                QVERIFY(current->y() >= bar->value());
                for (int row = navigator->currentRow() + 1; row < navigator->count(); ++row)
                    QVERIFY(navigator->item(row)->isHidden() || sectionAt(row)->y() >= bar->value() + scroll->viewport()->height());
            }
            if (checked >= 2)
                break;
        }
        QVERIFY(checked >= 1);
    }

    // Issue 13: a record form is keyboard-complete (type, Tab, Enter), reads
    // a typed UK date, and on a bad entry stays open with the input kept and
    // the reason beside the field.
    void recordFormByKeyboard()
    {
        using Kind = RecordField::Kind;
        RecordDialog dialog(QStringLiteral("Add Milestone"), QString(),
                            {{QStringLiteral("description"), QStringLiteral("Milestone"), Kind::Text, true},
                             {QStringLiteral("due_date"), QStringLiteral("Due date"), Kind::Date, true},
                             {QStringLiteral("status"), QStringLiteral("Status"), Kind::Choice, true, QStringLiteral("open"),
                              {{QStringLiteral("open"), QStringLiteral("Open")}, {QStringLiteral("done"), QStringLiteral("Done")}}}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QWidget *description = dialog.field(QStringLiteral("description"));
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral("Plan signed off"));
        QTest::keyClick(description, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.field(QStringLiteral("due_date")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("31/13/2027"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog.isVisible()); // refused in place
        QCOMPARE(qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")))->text(), QStringLiteral("31/13/2027"));
        bool explained = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            explained = explained || (label->isVisible() && label->text().contains(QStringLiteral("is not a date")));
        QVERIFY(explained);
        auto *date = qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")));
        date->selectAll();
        QTest::keyClicks(date, QStringLiteral("31 Mar 2027"));
        QTest::keyClick(date, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QVariantMap values = dialog.values();
        QCOMPARE(values.value(QStringLiteral("description")).toString(), QStringLiteral("Plan signed off"));
        QCOMPARE(values.value(QStringLiteral("due_date")).toString(), QStringLiteral("2027-03-31"));
        QCOMPARE(values.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    }

    // Issue 13 leftover: Escape (or closing the window: the same question) on a form with
    // something typed asks before throwing it away, and Keep Editing keeps
    // every character; an untouched form and the Cancel button close at once.
    void escapeAsksBeforeDiscarding()
    {
        auto form = [] {
            return std::make_unique<RecordDialog>(
                QStringLiteral("Add Milestone"), QString(),
                QList<RecordField>{{QStringLiteral("description"), QStringLiteral("Milestone"), RecordField::Kind::Text, true}});
        };
        auto answer = [](const QString &button, bool *asked) {
            QTimer::singleShot(0, [button, asked] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                *asked = true;
                QVERIFY(box->text().contains(QStringLiteral("Discard what you typed")));
                for (QAbstractButton *b : box->buttons())
                    if (b->text() == button)
                        b->click();
            });
        };
        {
            auto dialog = form();
            dialog->show();
            QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
            QTest::keyClick(dialog.get(), Qt::Key_Escape); // nothing typed: no question
            QVERIFY(!dialog->isVisible());
        }
        auto dialog = form();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        QWidget *description = dialog->field(QStringLiteral("description"));
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral("Board approves the plan"));
        bool asked = false;
        answer(QStringLiteral("Keep Editing"), &asked);
        QTest::keyClick(description, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->values().value(QStringLiteral("description")).toString(), QStringLiteral("Board approves the plan"));
        asked = false;
        answer(QStringLiteral("Discard"), &asked);
        QTest::keyClick(description, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        // The Cancel button is the user's word: no question.
        asked = false;
        answer(QStringLiteral("Keep Editing"), &asked);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Cancel"))
                button->click();
        QVERIFY(!dialog->isVisible());
        QTest::qWait(20);
        QVERIFY(!asked);
    }

    // Issue 13 retest: the regional decision, the most consequential
    // choice, starts unset (never the first of the list) and the form is
    // refused in place until one is chosen.
    void decisionMustBeChosen()
    {
        using Kind = RecordField::Kind;
        RecordField decision(QStringLiteral("decision"), QStringLiteral("Decision"), Kind::Choice, true, QString(),
                             {{QStringLiteral("programme"), QStringLiteral("Enter the Recovery Support Programme")},
                              {QStringLiteral("regional-support"), QStringLiteral("Stay in segment 4 with regional support")}});
        decision.mustChoose = true;
        RecordDialog dialog(QStringLiteral("Record the Regional Decision"), QString(), {decision});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *box = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("decision")));
        QVERIFY(box);
        QVERIFY(box->currentData().toString().isEmpty());
        QVERIFY(box->currentText() != QStringLiteral("Enter the Recovery Support Programme"));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(dialog.isVisible()); // refused in place
        bool explained = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            explained = explained || (label->isVisible() && label->text().contains(QStringLiteral("Decision is needed")));
        QVERIFY(explained);
        box->setCurrentIndex(box->findData(QStringLiteral("regional-support")));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.values().value(QStringLiteral("decision")).toString(), QStringLiteral("regional-support"));
    }

    // Issue 13 (tester, round 3): a form grows for its messages and, once
    // they are cleared, goes back to its own height, not left with a gap
    // where they were.
    void recordFormShrinksBack()
    {
        using Kind = RecordField::Kind;
        RecordDialog dialog(QStringLiteral("Add Exit Criterion"),
                            QStringLiteral("A condition agreed at entry for leaving the programme: what is measured, the "
                                           "target to reach and by when, as the regional support group agreed it with "
                                           "the trust's board."),
                            {{QStringLiteral("criterion"), QStringLiteral("Criterion"), Kind::Text, true},
                             {QStringLiteral("due_date"), QStringLiteral("Due date"), Kind::Date, true},
                             {QStringLiteral("notes"), QStringLiteral("Notes"), Kind::Paragraph, false}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::processEvents();
        const int plain = dialog.height();
        auto *date = qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")));
        date->setText(QStringLiteral("31/02/2027 is the date we agreed at the review meeting"));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(dialog.isVisible());
        const int grown = dialog.height();
        QVERIFY2(grown > plain, qPrintable(QStringLiteral("%1 -> %2").arg(plain).arg(grown)));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("criterion")))->setText(QStringLiteral("Waits to plan"));
        date->setText(QStringLiteral("31/03/2027"));
        QApplication::processEvents();
        QTest::qWait(50);
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            QVERIFY2(!label->isVisible() || !label->text().contains(QStringLiteral("needed")), qPrintable(label->text()));
        QVERIFY2(dialog.height() == plain, qPrintable(QStringLiteral("%1 -> %2 -> %3").arg(plain).arg(grown).arg(dialog.height())));
    }

    // Issue 14 (tester): at 800 px a reader's Casework page cut the exit
    // criteria's Due column and hid Record a Correction... behind a sideways
    // scroll bar. At 800, 1024 and 1400 px, for a reader and an editor: no
    // sideways scrolling, every button within the page, every header and
    // every word of every cell whole in its column.
    void caseworkFitsNarrowWindows_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("reader");
        QTest::addColumn<bool>("review");  // a case with findings, else one in the programme
        for (const QSize size : {QSize(800, 600), QSize(1024, 768), QSize(1400, 900)})
            for (const bool reader : {true, false})
                for (const bool review : {false, true})
                    QTest::addRow("%dx%d %s %s", size.width(), size.height(), reader ? "reader" : "editor",
                                  review ? "review" : "programme")
                        << size << reader << review;
    }
    void caseworkFitsNarrowWindows()
    {
        QFETCH(QSize, size);
        QFETCH(bool, reader);
        QFETCH(bool, review);
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("narrow")));
        QString programmeCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (programmeCode.isEmpty() && !CaseworkStore(file->scope()).records(review ? findingTable() : criterionTable()).isEmpty())
                programmeCode = code;
        }
        QVERIFY(!programmeCode.isEmpty());
        QVERIFY(window.openCaseCode(programmeCode));
        CaseView *view = window.caseView();
        CaseworkPage *page = view->caseworkPage();
        if (reader) {  // as a reader's workspace opens its sessions
            view->context().session->setReadOnly(QStringLiteral("Your account may read this workspace but not change it."));
            view->setContext(view->context());
        }
        view->tabs()->setCurrentWidget(page);
        QTest::qWait(100);
        QCOMPARE(window.size(), size);
        auto *scroll = page->findChild<QScrollArea *>();
        QWidget *viewport = scroll->viewport();
        // Once laid out (the columns are fitted, and the rows to them, as events come).
        (void)QTest::qWaitFor([scroll, page] {
            bool settled = scroll->horizontalScrollBar()->maximum() == 0;
            for (QTableWidget *table : page->findChildren<QTableWidget *>())
                settled = settled && (!table->isVisibleTo(page) || table->horizontalScrollBar()->maximum() == 0
                                      || table->horizontalHeader()->length() > 400);
            return settled;
        }, 3000);
        if (const int sideways = scroll->horizontalScrollBar()->maximum(); sideways > 0) {
            QStringList wide;  // what needs the width, to say so
            for (QWidget *w : scroll->widget()->findChildren<QWidget *>())
                if (w->isVisibleTo(page) && w->minimumSizeHint().width() > viewport->width() - 40)
                    wide.append(QStringLiteral("%1 \"%2\" needs %3").arg(QString::fromLatin1(w->metaObject()->className()),
                        w->accessibleName().isEmpty() ? w->objectName() : w->accessibleName()).arg(w->minimumSizeHint().width()));
            QFAIL(qPrintable(QStringLiteral("scrolls sideways by %1 px: %2").arg(sideways).arg(wide.join(QStringLiteral("; ")))));
        }
        QStringList wrong;
        int buttons = 0;
        for (QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
            if (!button->isVisibleTo(page) || !scroll->widget()->isAncestorOf(button))
                continue;
            ++buttons;
            const QRect at(button->mapTo(viewport, QPoint(0, 0)), button->size());
            if (at.left() < 0 || at.right() >= viewport->width())
                wrong.append(QStringLiteral("%1 at x %2..%3 of %4").arg(button->text()).arg(at.left()).arg(at.right()).arg(viewport->width()));
        }
        QVERIFY(buttons >= 6);
        int cells = 0;
        for (QTableWidget *table : page->findChildren<QTableWidget *>()) {
            if (!table->isVisibleTo(page))
                continue;
            // A table whose every column is at its narrowest (a header, a
            // word) and still wider than the page (the findings' six at 800
            // pixels) scrolls sideways itself: cut nowhere, the page still.
            const QFontMetrics metrics = table->fontMetrics();
            const int margins = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
            for (int c = 0; c < table->columnCount(); ++c) {
                const int width = table->columnWidth(c);
                const QString header = table->horizontalHeaderItem(c)->text();
                if (table->horizontalHeader()->fontMetrics().horizontalAdvance(header) + margins > width)
                    wrong.append(QStringLiteral("%1: header %2 in %3 px").arg(table->accessibleName(), header).arg(width));
                for (int r = 0; r < table->rowCount(); ++r) {
                    const QTableWidgetItem *item = table->item(r, c);
                    if (!item || item->toolTip() == item->text())
                        continue;
                    ++cells;
                    for (const QString &word : item->text().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                        if (metrics.horizontalAdvance(word) + margins > width)
                            wrong.append(QStringLiteral("%1: \"%2\" (%3) in %4 px").arg(table->accessibleName(), word, header).arg(width));
                }
            }
        }
        QVERIFY(cells > 0);
        const QString name = QStringLiteral("casework-%1-%2-%3x%4")
                                 .arg(reader ? QStringLiteral("reader") : QStringLiteral("editor"),
                                      review ? QStringLiteral("review") : QStringLiteral("programme"))
                                 .arg(size.width())
                                 .arg(size.height());
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR")) {
            for (const int part : {0, 1, 2}) {
                scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() * part / 2);
                QTest::qWait(30);
                window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(name + QStringLiteral("-%1.png").arg(part)));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(name + QStringLiteral(": ") + wrong.join(QStringLiteral("; "))));
    }

    // Tester (issue 13): text typed into a field is saved when the quarter
    // changes by keyboard (View > Earlier Quarter, Alt+PgUp), which takes
    // no focus from the field, as it is when the mouse chooses the quarter.
    void typedTextSavedWhenQuarterChangesByKeyboard()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("quarterkeys")));
        QVERIFY(window.openCaseCode(QStringLiteral("ZBE")));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QTest::qWait(50);
        QLineEdit *team = nullptr;
        for (QLineEdit *edit : page->findChildren<QLineEdit *>())
            if (edit->accessibleName() == QStringLiteral("Team") && edit->isVisible())
                team = edit;
        QVERIFY2(team, "ZBE's review shows its team");
        // On a team workspace the password dialog was the last active window.
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        team->setFocus();
        QVERIFY(QTest::qWaitFor([team] { return team->hasFocus(); }, 2000));
        QTest::keyClick(team, Qt::Key_End);
        QTest::keyClicks(team, QStringLiteral(" and the finance lead"));
        const QString typed = team->text();
        QAction *earlier = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Earlier Quarter"))
                earlier = action;
        QVERIFY(earlier);
        const QString quarter = window.currentQuarter();
        earlier->trigger();
        QVERIFY(window.currentQuarter() != quarter);
        CaseSession *session = window.caseView()->context().session;
        QStringList teams;
        for (const QVariantMap &review : session->casework().records(reviewTable()))
            teams.append(review.value(QStringLiteral("team")).toString());
        QVERIFY2(teams.contains(typed), qPrintable(teams.join(QStringLiteral(" | "))));
        // Undone as any edit is.
        QVERIFY(session->undoStack()->canUndo());
        session->undoStack()->undo();
    }

private:
    owbtest::DemoFolder m_demo;
};

QTEST_MAIN(TestCaseLayout)
#include "tst_caselayout.moc"
