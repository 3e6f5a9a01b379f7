// A diagnostic review's finding edited after it was added (offscreen): Edit
// Finding... opens the finding's form filled with all its values; OK stores
// every changed field in one write (one history entry, one undo step that
// puts them all back), nothing when nothing changed, and refuses a wrong
// value in place keeping the input; a colleague's change meanwhile opens the
// conflict dialog. Checked in the case file (or, as tst_findings_server, on
// the team workspace's server: demofixture.h).

#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/recorddialog.h"
#include "casework/casesession.h"
#include "demofixture.h"
#include "dialogs/conflictdialog.h"
#include "mainwindow.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace owb;
using namespace owbtest;

namespace {

// Runs `drive` on the first modal dialog of type T once it is open.
template <typename T>
void whenShown(bool *seen, const std::function<void(T *)> &drive)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen, drive] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            *seen = true;
            drive(dialog);
        }
    });
    timer->start();
}

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

QStringList ids(const QString &stored)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList list = stored.split(separators, Qt::SkipEmptyParts);
    list.sort();
    return list;
}

QStringList ticked(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out.append(list->item(i)->data(Qt::UserRole).toString());
    out.sort();
    return out;
}

// Ticks exactly `wanted` in `list`.
void tickOnly(QListWidget *list, const QStringList &wanted)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(wanted.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                    : Qt::Unchecked);
}

// The first `count` ids of `list` that `stored` does not hold.
QStringList otherIds(QListWidget *list, const QStringList &stored, int count)
{
    QStringList out;
    for (int i = 0; i < list->count() && out.size() < count; ++i)
        if (!stored.contains(list->item(i)->data(Qt::UserRole).toString()))
            out.append(list->item(i)->data(Qt::UserRole).toString());
    out.sort();
    return out;
}

} // namespace

class TestFindings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
    }

    // The form holds all the finding's values; changed domains, metrics and
    // severity are one write, one history entry and one undo step; the
    // table shows them, and Undo puts every one back.
    void editFindingOneWrite()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("edit")));
        CaseworkPage *page = openReviewCase(window);
        QVERIFY(page);
        CaseSession *session = window.caseView()->context().session;
        QTableWidget *findings = page->findings();
        QPushButton *edit = buttonNamed(page, QStringLiteral("Ed&it Finding..."));
        QVERIFY(edit);
        // Offered only with a finding selected.
        findings->clearSelection();
        QVERIFY(!edit->isEnabled());
        findings->selectRow(0);
        QVERIFY(edit->isEnabled());

        const qint64 id = findings->item(0, 0)->data(Qt::UserRole).toLongLong();
        const QVariantMap before = session->casework().record(findingTable(), id);
        const int steps = session->undoStack()->count();
        const qsizetype entries = auditlog::entries(session->caseFile().scope(), QStringLiteral("finding")).size();

        const ChoiceSet &severities = session->methodology().casework().severities;
        QString severity;
        for (const auto &item : severities.items)
            if (severity.isEmpty() && item.id != before.value(QStringLiteral("severity")).toString())
                severity = item.id;
        QStringList domains, metrics;
        bool shown = false;
        QString title;
        whenShown<RecordDialog>(&shown, [&](RecordDialog *dialog) {
            title = dialog->windowTitle();
            // Filled with the finding's values, all of them.
            auto *category = qobject_cast<QComboBox *>(dialog->field(QStringLiteral("category")));
            auto *severityBox = qobject_cast<QComboBox *>(dialog->field(QStringLiteral("severity")));
            auto *text = qobject_cast<QPlainTextEdit *>(dialog->field(QStringLiteral("description")));
            auto *domainList = qobject_cast<QListWidget *>(dialog->field(QStringLiteral("domains")));
            auto *metricList = qobject_cast<QListWidget *>(dialog->field(QStringLiteral("metrics")));
            if (!category || !severityBox || !text || !domainList || !metricList) {
                dialog->reject();
                return;
            }
            QCOMPARE(category->currentData().toString(), before.value(QStringLiteral("category")).toString());
            QCOMPARE(severityBox->currentData().toString(), before.value(QStringLiteral("severity")).toString());
            QCOMPARE(text->toPlainText(), before.value(QStringLiteral("description")).toString());
            QCOMPARE(ticked(domainList), ids(before.value(QStringLiteral("domains")).toString()));
            QCOMPARE(ticked(metricList), ids(before.value(QStringLiteral("metrics")).toString()));
            domains = otherIds(domainList, ticked(domainList), 1);
            metrics = otherIds(metricList, ticked(metricList), 2);
            tickOnly(domainList, domains);
            tickOnly(metricList, metrics);
            severityBox->setCurrentIndex(severityBox->findData(severity));
            if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
                dialog->grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("edit-finding-form.png")));
            dialog->accept();
        });
        edit->click();
        QVERIFY(shown);
        QCOMPARE(title, QStringLiteral("Edit Finding"));
        QCOMPARE(domains.size(), 1);
        QCOMPARE(metrics.size(), 2);
        QTest::qWait(100); // the reload is queued

        // One write: one undo step, one history entry, every field stored.
        QCOMPARE(session->undoStack()->count(), steps + 1);
        QCOMPARE(session->undoStack()->undoText(), QStringLiteral("Edit finding"));
        QCOMPARE(auditlog::entries(session->caseFile().scope(), QStringLiteral("finding")).size(), entries + 1);
        const QVariantMap after = session->casework().record(findingTable(), id);
        QCOMPARE(after.value(QStringLiteral("severity")).toString(), severity);
        QCOMPARE(ids(after.value(QStringLiteral("domains")).toString()), domains);
        QCOMPARE(ids(after.value(QStringLiteral("metrics")).toString()), metrics);
        QCOMPARE(after.value(QStringLiteral("description")), before.value(QStringLiteral("description")));
        QCOMPARE(after.value(QStringLiteral("category")), before.value(QStringLiteral("category")));
        // The table shows them by name.
        const Methodology &methodology = session->methodology();
        QCOMPARE(findings->item(0, 1)->text(), severities.nameOf(severity));
        for (const Domain &d : methodology.domains())
            QCOMPARE(findings->item(0, 4)->text().contains(d.name), domains.contains(d.id));
        for (const QString &metric : metrics)
            QVERIFY2(findings->item(0, 5)->text().contains(methodology.metric(metric)->name),
                     qPrintable(findings->item(0, 5)->text()));
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("edit-finding-table.png")));

        // Undo: every field back at once.
        session->undoStack()->undo();
        QTest::qWait(100);
        const QVariantMap undone = session->casework().record(findingTable(), id);
        for (const QString &column : {QStringLiteral("severity"), QStringLiteral("domains"), QStringLiteral("metrics")})
            QCOMPARE(undone.value(column).toString(), before.value(column).toString());
        QCOMPARE(findings->item(0, 1)->text(), severities.nameOf(before.value(QStringLiteral("severity")).toString()));
    }

    // OK with nothing changed writes nothing; a required field emptied is
    // refused in place, the form kept open with what was typed.
    void unchangedAndRefused()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("unchanged")));
        CaseworkPage *page = openReviewCase(window);
        QVERIFY(page);
        CaseSession *session = window.caseView()->context().session;
        page->findings()->selectRow(0);
        QPushButton *edit = buttonNamed(page, QStringLiteral("Ed&it Finding..."));
        const int steps = session->undoStack()->count();
        const qsizetype entries = auditlog::entries(session->caseFile().scope(), QStringLiteral("finding")).size();
        bool shown = false;
        whenShown<RecordDialog>(&shown, [](RecordDialog *dialog) { dialog->accept(); });
        edit->click();
        QVERIFY(shown);
        QTest::qWait(50);
        QCOMPARE(session->undoStack()->count(), steps);
        QCOMPARE(auditlog::entries(session->caseFile().scope(), QStringLiteral("finding")).size(), entries);

        shown = false;
        bool keptOpen = false, explained = false;
        QString kept;
        whenShown<RecordDialog>(&shown, [&](RecordDialog *dialog) {
            auto *text = qobject_cast<QPlainTextEdit *>(dialog->field(QStringLiteral("description")));
            text->setPlainText(QStringLiteral("   "));
            auto *metricList = qobject_cast<QListWidget *>(dialog->field(QStringLiteral("metrics")));
            tickOnly(metricList, otherIds(metricList, ticked(metricList), 1));
            const QStringList typed = ticked(metricList);
            dialog->accept();
            keptOpen = dialog->isVisible();
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                explained = explained || (label->isVisible() && label->text().contains(QStringLiteral("needed")));
            kept = ticked(metricList) == typed ? QStringLiteral("kept") : QString();
            dialog->reject();
        });
        edit->click();
        QVERIFY(shown);
        QVERIFY(keptOpen);
        QVERIFY(explained);
        QCOMPARE(kept, QStringLiteral("kept"));
        QCOMPARE(session->undoStack()->count(), steps);
    }

    // A colleague changed the finding while its form was open: OK opens
    // the conflict dialog (every field this edit writes), nothing written
    // over theirs until the user keeps theirs.
    void colleagueChangedMeanwhile()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        const QString location = m_demo.where(QStringLiteral("conflict"));
        QVERIFY(DemoFolder::openIn(window, location));
        CaseworkPage *page = openReviewCase(window);
        QVERIFY(page);
        CaseSession *session = window.caseView()->context().session;
        page->findings()->selectRow(0);
        const qint64 id = page->findings()->item(0, 0)->data(Qt::UserRole).toLongLong();
        const QString theirText = QStringLiteral("Theatre lists cancelled at short notice (colleague's wording)");
        // A colleague's session on the same case.
        std::unique_ptr<Database> server;
        std::unique_ptr<CaseSession> colleague;
        if (onServer()) {
            server = std::make_unique<Database>(parseServerUrl(location), ServerArea::Cases, QString(),
                                                Database::Mode::OpenExisting);
            colleague = std::make_unique<CaseSession>(std::make_unique<CaseFile>(*server, session->identity().code),
                                                      Methodology::builtIn());
        } else {
            colleague = std::make_unique<CaseSession>(session->caseFile().path(), Methodology::builtIn());
        }
        colleague->casework().records(findingTable());
        const int steps = session->undoStack()->count();

        bool shown = false, conflict = false;
        QStringList fields;
        whenShown<RecordDialog>(&shown, [&](RecordDialog *dialog) {
            auto *severityBox = qobject_cast<QComboBox *>(dialog->field(QStringLiteral("severity")));
            severityBox->setCurrentIndex(severityBox->currentIndex() == 1 ? 2 : 1);
            auto *domainList = qobject_cast<QListWidget *>(dialog->field(QStringLiteral("domains")));
            tickOnly(domainList, otherIds(domainList, ticked(domainList), 1));
            // Meanwhile, the colleague saves their wording of the finding.
            QCOMPARE(colleague->setRecordField(findingTable(), id, QStringLiteral("description"), theirText), QString());
            whenShown<ConflictDialog>(&conflict, [&](ConflictDialog *d) {
                for (const QLabel *label : d->findChildren<QLabel *>())
                    fields.append(label->text());
                buttonNamed(d, QStringLiteral("&Take Theirs"))->click();
            });
            dialog->accept();
        });
        buttonNamed(page, QStringLiteral("Ed&it Finding..."))->click();
        QVERIFY(shown);
        QVERIFY(QTest::qWaitFor([&] { return conflict; }, 5000));
        QVERIFY2(fields.contains(QStringLiteral("Severity")) && fields.contains(QStringLiteral("Domains")),
                 qPrintable(fields.join(QStringLiteral(" | "))));
        QTest::qWait(100);
        // Theirs stands; nothing of this user's written, nothing to undo.
        session->readAgain();
        QCOMPARE(session->casework().record(findingTable(), id).value(QStringLiteral("description")).toString(), theirText);
        QCOMPARE(session->undoStack()->count(), steps);
    }

    // A decided review is read-only: Edit Finding... is not offered with a
    // finding selected, and an edit is refused in words, nothing stored.
    void decidedReviewNotEdited()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("decided")));
        CaseworkPage *page = openReviewCase(window);
        QVERIFY(page);
        CaseSession *session = window.caseView()->context().session;
        const Methodology &methodology = session->methodology();
        const QVariantMap review = session->casework().records(reviewTable()).last();
        const qint64 reviewId = review.value(QStringLiteral("id")).toLongLong();
        // The demo's review is at Reporting: its conclusion and recommendation, then the decision.
        QCOMPARE(session->setRecordFields(reviewTable(), reviewId,
                                          {{QStringLiteral("capability_conclusion"), methodology.capabilityRatings().first().id},
                                           {QStringLiteral("recommendation"), methodology.casework().recommendations.firstId()}}),
                 QString());
        QTest::qWait(100);
        QCOMPARE(page->recordReviewDecision(methodology.casework().decisions.firstId(), QDate::currentDate(),
                                            QStringLiteral("Regional director"), QStringLiteral("Agreed at the panel")),
                 QString());
        QTest::qWait(100);
        QTableWidget *findings = page->findings();
        findings->selectRow(0);
        QPushButton *edit = buttonNamed(page, QStringLiteral("Ed&it Finding..."));
        QVERIFY(edit);
        QVERIFY(!edit->isEnabled());
        const qint64 id = findings->item(0, 0)->data(Qt::UserRole).toLongLong();
        const QString severity = session->casework().field(findingTable(), id, QStringLiteral("severity"));
        const int steps = session->undoStack()->count();
        const QString other = severity == QLatin1String("high") ? QStringLiteral("low") : QStringLiteral("high");
        QVERIFY(!page->editFinding(id, {{QStringLiteral("severity"), other}}).isEmpty());
        QCOMPARE(session->casework().field(findingTable(), id, QStringLiteral("severity")), severity);
        QCOMPARE(session->undoStack()->count(), steps);
        // The decision undone, the finding is editable again.
        session->undoStack()->undo();
        QTest::qWait(100);
        findings->selectRow(0);
        QVERIFY(edit->isEnabled());
        QCOMPARE(page->editFinding(id, {{QStringLiteral("severity"), other}}), QString());
        QCOMPARE(session->casework().field(findingTable(), id, QStringLiteral("severity")), other);
    }

private:
    // Opens a trust whose diagnostic review has findings, on its Casework tab.
    CaseworkPage *openReviewCase(MainWindow &window)
    {
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (reviewCode.isEmpty() && !CaseworkStore(file->scope()).records(findingTable()).isEmpty())
                reviewCode = code;
        }
        if (reviewCode.isEmpty() || !window.openCaseCode(reviewCode))
            return nullptr;
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        QTest::qWait(100);
        CaseworkPage *page = window.caseView()->caseworkPage();
        return page->findings()->rowCount() > 0 ? page : nullptr;
    }

    DemoFolder m_demo;
};

QTEST_MAIN(TestFindings)
#include "tst_findings.moc"
