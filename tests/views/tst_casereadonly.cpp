// The casework tester's finds of issue 13/14 in the workbench (offscreen): a
// read-only workspace offers no edit on any case page, each held control
// saying why; the casework page shows the case as of the quarter in view; a
// root cause outside the methodology's list is marked in the findings table
// and the review report; bidirectional overrides are refused by the field
// rule; a long paste into a one-line field is refused at its real length.

#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/caseworksection.h"
#include "case/recorddialog.h"
#include "case/capabilitypage.h"
#include "case/notespage.h"
#include "case/systempage.h"
#include "case/whatifpage.h"
#include "casework/casesession.h"
#include "casework/casework.h"
#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "demofixture.h"
#include "readonlysaid.h"
#include "mainwindow.h"
#include "reports/reviewreport.h"
#include "store/casefile.h"
#include "store/workspace.h"
#include "translations.h"
#include "widgets/statusnotice.h"

#include <QUndoGroup>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace owb;

namespace {

// The controls of `page` that change nothing, as a user sees them.
bool changesNothing(const QWidget *widget)
{
    const QString name = widget->accessibleName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text().remove(QLatin1Char('&')) == QLatin1String("Save Attachment As...");
    return name == QLatin1String("Search notes") || name == QLatin1String("Assessment year");
}

// What is offered on `page` that would change the case: each such control
// not held, with what it is, so that a failure names it.
QStringList offeredEdits(QWidget *page, const QString &why)
{
    QStringList offered;
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // A control's own parts (a combo box's line edit, a table's corner button).
        QWidget *parent = widget->parentWidget();
        if (qobject_cast<QComboBox *>(parent) || qobject_cast<QLineEdit *>(parent)
            || qobject_cast<QAbstractItemView *>(parent) || changesNothing(widget))
            continue;
        const QString what = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                            widget->accessibleName().isEmpty()
                                                                ? widget->accessibleDescription()
                                                                : widget->accessibleName());
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (button->isEnabled() || button->toolTip() != why)
                offered.append(QStringLiteral("button \"%1\"").arg(button->text()));
        } else if (auto *box = qobject_cast<QComboBox *>(widget)) {
            if (box->isEnabled() || box->toolTip() != why)
                offered.append(what);
        } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            // A date's description said its format: a screen reader now says why.
            if (!line->isReadOnly() || line->toolTip() != why
                || (!line->accessibleDescription().isEmpty() && line->accessibleDescription() != why))
                offered.append(what);
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
            if (!text->isReadOnly() || text->toolTip() != why)
                offered.append(what);
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            if (view->editTriggers() != QAbstractItemView::NoEditTriggers && !view->accessibleName().isEmpty())
                offered.append(what);
        }
    }
    return offered;
}

// Answers the "Workspace in use" question with Open Read-Only.
class OpenReadOnly : public QObject
{
public:
    OpenReadOnly()
    {
        connect(&m_poll, &QTimer::timeout, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                for (QAbstractButton *button : box->buttons())
                    if (box->buttonRole(button) == QMessageBox::AcceptRole)
                        button->click();
        });
        m_poll.start(20);
    }

private:
    QTimer m_poll;
};

template<typename T>
T *named(QWidget *root, const QString &name)
{
    for (T *widget : root->findChildren<T *>())
        if (widget->accessibleName() == name)
            return widget;
    return nullptr;
}

QPushButton *button(QWidget *root, const QString &text)
{
    for (QPushButton *b : root->findChildren<QPushButton *>())
        if (b->text().remove(QLatin1Char('&')) == text)
            return b;
    return nullptr;
}

} // namespace

class TestCaseReadOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
        QVERIFY(installTranslations(*QCoreApplication::instance()));
    }

    // Tester, issue 13/14: a workspace opened read-only offered every edit,
    // and said only on OK that nothing was changed. Every case page's edit
    // controls are held, saying why; selecting a row offers no removal;
    // What-if (which stores nothing) stays as it is; the same window on a
    // writable workspace offers them again.
    void readOnlyWorkspaceOffersNoEdit()
    {
        OWB_FILE_ONLY("the folder's lock: a team workspace's reader is tst_teamui's and the e2e scenario's");
        const QString demo = m_demo.copyOfDemo(QStringLiteral("held"));
        auto holder = Workspace::open(demo);  // "another instance"
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        {
            OpenReadOnly answer;
            QVERIFY(window.openPath(demo));
        }
        QVERIFY(window.workspace()->isReadOnly());
        bool sawReview = false;
        bool sawProgramme = false;
        bool sawSystem = false;
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            CaseView *view = window.caseView();
            const QString why = view->context().session->readOnlyWhy();
            QVERIFY2(why.contains(QStringLiteral("read-only")), qPrintable(why));
            QList<QWidget *> pages{view->capabilityPage(), view->notesPage(), view->caseworkPage()};
            if (view->tabs()->indexOf(view->systemPage()) >= 0)
                pages.append(view->systemPage());
            for (QWidget *page : pages) {
                view->tabs()->setCurrentWidget(page);
                QCoreApplication::processEvents();
                const QStringList offered = offeredEdits(page, why);
                QVERIFY2(offered.isEmpty(), qPrintable(code + QStringLiteral(": ") + offered.join(QStringLiteral(", "))));
            }
            QWidget *casework = view->caseworkPage();
            if (QLineEdit *team = named<QLineEdit>(casework, QStringLiteral("Team")); team && team->isVisibleTo(casework)) {
                sawReview = true;
                // A finding selected offers no removal, nor evidence.
                if (auto *findings = named<QTableWidget>(casework, QStringLiteral("Findings")); findings->rowCount() > 0) {
                    findings->selectRow(0);
                    QCoreApplication::processEvents();
                    QVERIFY(!button(casework, QStringLiteral("Remove Finding"))->isEnabled());
                    QVERIFY(!button(casework, QStringLiteral("Add Evidence Item..."))->isEnabled());
                }
            }
            sawProgramme = sawProgramme || button(casework, QStringLiteral("Add Exit Criterion..."))->isVisibleTo(casework);
            sawSystem = sawSystem || pages.contains(view->systemPage());
            // What-if stores nothing: its fields stay editable.
            if (view->tabs()->indexOf(view->whatIfPage()) >= 0) {
                view->tabs()->setCurrentWidget(view->whatIfPage());
                QCoreApplication::processEvents();
                QVERIFY(button(view->whatIfPage(), QStringLiteral("Reset to actual values"))->isEnabled());
            }
        }
        QVERIFY(sawReview);
        QVERIFY(sawProgramme);
        QVERIFY(sawSystem);
        QCOMPARE(window.undoGroup()->canUndo(), false);

        // The same window on a workspace it may change: offered again.
        holder.reset();
        QVERIFY(window.openPath(demo));
        QVERIFY(!window.workspace()->isReadOnly());
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            QWidget *casework = window.caseView()->caseworkPage();
            window.caseView()->tabs()->setCurrentWidget(casework);
            QCoreApplication::processEvents();
            QVERIFY(button(casework, QStringLiteral("Add Milestone..."))->isEnabled());
            QVERIFY(button(casework, QStringLiteral("Add Milestone..."))->toolTip().isEmpty());
            if (QLineEdit *team = named<QLineEdit>(casework, QStringLiteral("Team")); team && team->isVisibleTo(casework)) {
                QVERIFY(!team->isReadOnly());
                QVERIFY(named<QTableWidget>(casework, QStringLiteral("Findings"))->editTriggers()
                        != QAbstractItemView::NoEditTriggers);
                break;
            }
        }
    }

    // A session held for now (a team workspace's rights withdrawn) refuses
    // edits saying why and is writable once lifted; a session read-only for
    // its own reason (a folder another instance holds) keeps that reason,
    // and lifting the hold never makes it writable.
    void heldForNowLiftsOnlyItself()
    {
        OWB_FILE_ONLY("a folder opened read-only; a team workspace's is tst_teamrevoked's");
        const QString demo = m_demo.copyOfDemo(QStringLiteral("heldfornow"));
        const QString why = QStringLiteral("Withdrawn for now.");
        {
            MainWindow window;
            window.show();
            QVERIFY(window.openPath(demo));
            QVERIFY(window.openCaseCode(window.workspace()->caseCodes().first()));
            CaseSession *session = window.caseView()->context().session;
            QVERIFY(!session->isReadOnly());
            session->holdForNow(why);
            QVERIFY(session->isReadOnly());
            QCOMPARE(session->readOnlyWhy(), why);
            const QString refused = session->addNote(QString(), QString(), QStringLiteral("Refused"));
            QVERIFY2(refused.contains(why), qPrintable(refused));
            QVERIFY(session->liftHold());
            QVERIFY(!session->isReadOnly());
            QCOMPARE(session->readOnlyWhy(), QString());
            QCOMPARE(session->addNote(QString(), QString(), QStringLiteral("Allowed")), QString());
        }
        auto holder = Workspace::open(demo);  // "another instance"
        MainWindow window;
        window.show();
        {
            OpenReadOnly answer;
            QVERIFY(window.openPath(demo));
        }
        QVERIFY(window.openCaseCode(window.workspace()->caseCodes().first()));
        CaseSession *session = window.caseView()->context().session;
        const QString own = session->readOnlyWhy();
        QVERIFY(!own.isEmpty());
        session->holdForNow(why);
        QCOMPARE(session->readOnlyWhy(), own);
        QVERIFY(!session->liftHold());
        QVERIFY(session->isReadOnly());
        QCOMPARE(session->readOnlyWhy(), own);
    }

    // Tester, issue 14: the reason a workspace is read-only was replaced by
    // another notice and cut off on a case page. The bar above every page
    // says "Read-only" (why as its tip) and the reason whole, at 1400 and
    // 1024 pixels wide, whatever notice passes. A held field looks read-only
    // (the window's colour, as a label), a writable one not.
    void readOnlySaidOnEveryPage()
    {
        OWB_FILE_ONLY("the folder's lock: a team workspace's reader is tst_teamui's and the e2e scenario's");
        const QString demo = m_demo.copyOfDemo(QStringLiteral("said"));
        auto holder = Workspace::open(demo);  // "another instance"
        MainWindow window;
        window.show();
        {
            OpenReadOnly answer;
            QVERIFY(window.openPath(demo));
        }
        const QString why = window.findChild<QLabel *>(QStringLiteral("readOnlyReason"))->text();
        QVERIFY2(why.startsWith(QStringLiteral("This workspace is read-only: ")) && why.contains(QStringLiteral("has it open")),
                 qPrintable(why));
        const QString code = window.workspace()->caseCodes().first();
        // And narrower (a small screen at 200%): the reason wraps.
        for (const QSize size : {QSize(1400, 900), QSize(1024, 768), QSize(720, 600)}) {
            const QString at = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
            window.resize(size);
            window.showPortfolio();
            QCoreApplication::processEvents();
            showStatusNotice(&window, QStringLiteral("Written somewhere.csv"));  // a notice passing meanwhile
            QString wrong = owbtest::readOnlyNotSaid(window, why);
            QVERIFY2(wrong.isEmpty(), qPrintable(at + QStringLiteral(" portfolio: ") + wrong));
            owbtest::grabFor(window, QStringLiteral("readonly-portfolio-") + at);
            QVERIFY(window.openCaseCode(code));
            QWidget *notes = window.caseView()->notesPage();
            window.caseView()->tabs()->setCurrentWidget(notes);
            QCoreApplication::processEvents();
            wrong = owbtest::readOnlyNotSaid(window, why);
            QVERIFY2(wrong.isEmpty(), qPrintable(at + QStringLiteral(" case: ") + wrong));
            auto *text = notes->findChild<QPlainTextEdit *>();
            QVERIFY(text);
            text->setFocus();
            wrong = owbtest::looksEditable(text);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
            QVERIFY2(text->placeholderText().isEmpty(), qPrintable(text->placeholderText()));  // no "Write a note"
            owbtest::grabFor(window, QStringLiteral("readonly-notes-") + at);
            // A case with an open review: its form's one-line fields.
            QWidget *casework = window.caseView()->caseworkPage();
            int fields = 0;
            for (const QString &reviewed : window.workspace()->caseCodes()) {
                QVERIFY(window.openCaseCode(reviewed));
                window.caseView()->tabs()->setCurrentWidget(casework);
                QCoreApplication::processEvents();
                if (QLineEdit *team = named<QLineEdit>(casework, QStringLiteral("Team")); !team || !team->isVisibleTo(casework))
                    continue;
                for (QLineEdit *line : casework->findChildren<QLineEdit *>()) {
                    if (qobject_cast<QComboBox *>(line->parentWidget()) || !line->isVisibleTo(casework))
                        continue;
                    wrong = owbtest::looksEditable(line);
                    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
                    ++fields;
                }
                wrong = owbtest::readOnlyNotSaid(window, why);
                QVERIFY2(wrong.isEmpty(), qPrintable(at + QStringLiteral(" casework: ") + wrong));
                owbtest::grabFor(window, QStringLiteral("readonly-casework-") + at);
                break;
            }
            QVERIFY(fields > 0);
        }
        // Writable again: nothing said, the fields white as before.
        holder.reset();
        QVERIFY(window.openPath(demo));
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("readOnlyBar"))->isVisible());
        QVERIFY(window.openCaseCode(code));
        QWidget *notes = window.caseView()->notesPage();
        window.caseView()->tabs()->setCurrentWidget(notes);
        QCoreApplication::processEvents();
        const QString white = owbtest::looksEditable(notes->findChild<QPlainTextEdit *>());
        QVERIFY2(white.endsWith(QStringLiteral("takes typing")), qPrintable(white));
        const QPalette palette = notes->findChild<QPlainTextEdit *>()->palette();
        QVERIFY(palette.color(QPalette::Base) != palette.color(QPalette::Window));
        QVERIFY(!notes->findChild<QPlainTextEdit *>()->placeholderText().isEmpty());
    }

    // Tester, issue 13/14: at 2025/26 Q4 the casework page showed a review
    // opened in 2026/27 Q1, with Record the Regional Decision... offered,
    // while the portfolio said "Segment 4, no review". It shows the case as
    // of the quarter in view.
    void reviewOpenedLaterNotShownEarlier()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("later")));
        // A case whose (last) review was opened after the workspace's first quarter.
        QString code;
        QString opened;
        for (const QString &c : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(c));
            const QList<QVariantMap> reviews = window.caseView()->context().session->casework().records(reviewTable());
            if (reviews.size() == 1
                && quarterLessThan(window.caseView()->context().quarters.first(),
                                   reviews.first().value(QStringLiteral("opened_quarter")).toString())) {
                code = c;
                opened = reviews.first().value(QStringLiteral("opened_quarter")).toString();
                break;
            }
        }
        QVERIFY2(!code.isEmpty(), "no case with one review opened after the first quarter");
        const QStringList quarters = window.caseView()->context().quarters;
        const QString before = quarters.at(quarters.indexOf(opened) - 1);
        QVERIFY(owbtest::goToQuarter(window, opened));
        QVERIFY(window.openCaseCode(code));
        QWidget *casework = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(casework);
        QCoreApplication::processEvents();
        const auto stateText = [casework] {
            QString text;
            for (QLabel *label : casework->findChildren<QLabel *>())
                if (label->isVisibleTo(casework))
                    text += label->text() + QLatin1Char('\n');
            return text;
        };
        QVERIFY2(stateText().contains(QStringLiteral("Opened in %1").arg(opened)), qPrintable(stateText()));
        QVERIFY(owbtest::goToQuarter(window, before));
        QVERIFY(window.openCaseCode(code));
        window.caseView()->tabs()->setCurrentWidget(casework);
        QCoreApplication::processEvents();
        QVERIFY2(!stateText().contains(QStringLiteral("Opened in %1").arg(opened)), qPrintable(stateText()));
        QVERIFY(!button(casework, QStringLiteral("Record the Regional Decision..."))->isVisibleTo(casework));
        QVERIFY(!named<QLineEdit>(casework, QStringLiteral("Team"))->isVisibleTo(casework));
    }

    // Tester, issue 13/14: a root cause outside the methodology's list
    // ("Aliens") showed plainly in the findings table and the review PDF.
    void rootCauseOutsideTheListMarked()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("aliens")));
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            CaseSession *session = window.caseView()->context().session;
            const QList<QVariantMap> findings = session->casework().records(findingTable());
            if (findings.isEmpty())
                continue;
            const qint64 id = findings.first().value(QStringLiteral("id")).toLongLong();
            const qint64 review = findings.first().value(QStringLiteral("review_id")).toLongLong();
            // A value another methodology listed, stored as it was.
            session->caseFile().database().exec(
                QStringLiteral("UPDATE %1 SET category = ? WHERE id = ?").arg(findingTable().name),
                {QStringLiteral("Aliens"), id});
            session->readAgain();
            QWidget *casework = window.caseView()->caseworkPage();
            window.caseView()->tabs()->setCurrentWidget(casework);
            window.caseView()->setContext(window.caseView()->context());
            QCoreApplication::processEvents();
            auto *table = named<QTableWidget>(casework, QStringLiteral("Findings"));
            QStringList shown;
            for (int r = 0; r < table->rowCount(); ++r)
                shown.append(table->item(r, 0)->text());
            QVERIFY2(shown.contains(QStringLiteral("Aliens (not in the methodology's list)")),
                     qPrintable(shown.join(QStringLiteral(" | "))));
            const QList<QStringList> rows = findingRows(session->casework(), session->caseFile().database(),
                                                        session->methodology(), review);
            QStringList causes;
            for (const QStringList &row : rows)
                causes.append(row.first());
            QVERIFY2(causes.contains(QStringLiteral("Aliens (not in the methodology's list)")),
                     qPrintable(causes.join(QStringLiteral(" | "))));
            return;
        }
        QFAIL("no case with a finding");
    }

    // Tester, issue 13/14: "evil owner" typed with a right-to-left override
    // showed reversed; the field rule refuses bidirectional controls, naming
    // the character and where it is.
    void bidirectionalControlsRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("said");
        QTest::newRow("override") << QStringLiteral("evil \u202Erenwo") << QStringLiteral("U+202E (right-to-left override)");
        QTest::newRow("embedding") << QStringLiteral("\u202Aowner") << QStringLiteral("U+202A");
        QTest::newRow("isolate") << QStringLiteral("ab\u2067c") << QStringLiteral("U+2067");
        QTest::newRow("pop isolate") << QStringLiteral("abc\u2069") << QStringLiteral("U+2069");
    }
    void bidirectionalControlsRefused()
    {
        QFETCH(QString, value);
        QFETCH(QString, said);
        const QString problem = valueProblem(QStringLiteral("team"), value, QDate::currentDate());
        QVERIFY2(problem.contains(said), qPrintable(problem));
        const qsizetype at = value.indexOf(QRegularExpression(QStringLiteral("[\u202A-\u202E\u2066-\u2069]"))) + 1;
        QVERIFY2(problem.contains(QStringLiteral("at character %1").arg(at)), qPrintable(problem));
        QVERIFY(valueProblem(QStringLiteral("team"), QStringLiteral("evil owner"), QDate::currentDate()).isEmpty());
        // Through the session as the forms and cells store it: refused, nothing stored.
        MainWindow window;
        QVERIFY(m_demo.open(window, QStringLiteral("bidi")));
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            CaseSession *session = window.caseView()->context().session;
            const QList<QVariantMap> reviews = session->casework().records(reviewTable());
            if (reviews.isEmpty())
                continue;
            const qint64 id = reviews.last().value(QStringLiteral("id")).toLongLong();
            const QString before = session->casework().field(reviewTable(), id, QStringLiteral("team"));
            QVERIFY(session->fieldProblem(reviewTable(), id, QStringLiteral("team"), value).contains(said));
            QVERIFY(!session->setRecordField(reviewTable(), id, QStringLiteral("team"), value).isEmpty());
            QCOMPARE(session->casework().field(reviewTable(), id, QStringLiteral("team")), before);
            return;
        }
        QFAIL("no case with a review");
    }

    // Tester, issue 13/14: a one-line field cut a paste at 32,767 characters,
    // so "too long" gave the wrong length. Kept whole, refused at its length.
    void longPasteRefusedAtItsLength()
    {
        const QString paste(40000, QLatin1Char('x'));
        RecordDialog dialog(QStringLiteral("Add"), {}, {{QStringLiteral("title"), QStringLiteral("Title")}});
        auto *field = qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("title")));
        QVERIFY(field);
        field->setText(paste);
        QCOMPARE(field->text().size(), paste.size());
        // The inline form of the casework page, its message under the field.
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("paste")));
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            QWidget *casework = window.caseView()->caseworkPage();
            window.caseView()->tabs()->setCurrentWidget(casework);
            QCoreApplication::processEvents();
            QLineEdit *team = named<QLineEdit>(casework, QStringLiteral("Team"));
            if (!team || !team->isVisibleTo(casework) || team->isReadOnly())
                continue;
            team->setText(paste);
            Q_EMIT team->editingFinished();
            QCoreApplication::processEvents();
            bool said = false;
            for (QLabel *label : casework->findChildren<QLabel *>())
                said = said || (label->isVisibleTo(casework) && label->text().contains(QStringLiteral("40000 characters")));
            QVERIFY(said);
            return;
        }
        QFAIL("no case with an open review");
    }

private:
    owbtest::DemoFolder m_demo;
};

QTEST_MAIN(TestCaseReadOnly)
#include "tst_casereadonly.moc"
