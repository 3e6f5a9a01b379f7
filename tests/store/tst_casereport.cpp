// The case report's text: empty review values said in words, values as the methodology names them.

#include "casework/casesession.h"
#include "casework/casework.h"
#include "demo/demoworkspace.h"
#include "framework/methodology.h"
#include "reports/casereport.h"
#include "store/casefile.h"
#include "store/workspace.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>
#include <QSet>

using namespace owb;

class TestCaseReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // "Recommendation: . Decision: ." is never printed; ratings are named as
    // the methodology names them; headers may wrap between words only.
    void reviewAndCapabilityInWords()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        // Reasons typed with their own full stop (issue 11 retest: "sustained
        // segment 4.. Improvement director").
        bool sawProgramme = false;
        for (const QFileInfo &file : QDir(demo).entryInfoList({QStringLiteral("*.owcase")})) {
            CaseSession session(file.filePath(), Methodology::builtIn());
            for (const QVariantMap &p : session.casework().records(programmeTable())) {
                QCOMPARE(session.setRecordField(programmeTable(), p.value(QStringLiteral("id")).toLongLong(),
                                                QStringLiteral("reason"), QStringLiteral("Sustained segment 4.")),
                         QString());
                sawProgramme = true;
            }
        }
        QVERIFY(sawProgramme);
        auto workspace = Workspace::open(demo, Database::Mode::ReadOnly);
        bool sawReview = false;
        bool sawRating = false;
        for (const QString &path : workspace->caseFilePaths()) {
            const QString html = caseReportHtml(*workspace, path);
            QVERIFY2(!html.contains(QStringLiteral(": .")), qPrintable(path));
            QVERIFY(!html.contains(QStringLiteral(" nowrap")));
            // Sentences joined to text that ends in a full stop get no second one.
            QVERIFY2(!html.contains(QRegularExpression(QStringLiteral("[^.]\\.\\.(?!\\.)|\\.\\)\\."))), qPrintable(path));
            QVERIFY2(!html.contains(QStringLiteral("()")), qPrintable(path)); // an empty date in brackets
            if (html.contains(QStringLiteral("<h3>Diagnostic review"))) {
                sawReview = true;
                QVERIFY(html.contains(QStringLiteral("Recommendation: not yet recorded.")));
                QVERIFY(html.contains(QStringLiteral("Decision: not yet recorded.")));
            }
            // The Value column: two decimals in every row that holds a number.
            static const QRegularExpression valueCell(
                QStringLiteral("<tr><td>([A-Z0-9-]+)</td><td>[^<]*</td><td>(-?[0-9][0-9,.]*)%?</td>"));
            for (auto match = valueCell.globalMatch(html); match.hasNext();) {
                const QString value = match.next().captured(2);
                QVERIFY2(QRegularExpression(QStringLiteral("^-?[0-9,]+\\.[0-9]{2}$")).match(value).hasMatch(),
                    qPrintable(value));
            }
            // Ratings by their names, never their ids.
            QVERIFY2(
                !html.contains(QRegularExpression(QStringLiteral("<td>(high|moderate|limited|low)</td>"))),
                qPrintable(path));
            sawRating |= html.contains(
                QRegularExpression(QStringLiteral("<td>(High|Moderate|Limited|Low) confidence</td>")));
        }
        QVERIFY(sawReview);
        QVERIFY(sawRating);
    }
};

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
