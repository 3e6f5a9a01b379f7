#include "reviewreport.h"

#include "casereport.h"
#include "casework/casework.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/nationalcache.h"
#include "casework/sentence.h"
#include "data/textlimits.h"
#include "reportlayout.h"
#include "store/casefile.h"
#include "store/schemas.h"
#include "store/workspace.h"

#include <QDate>

namespace owb {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString text(const QVariantMap &record, const char *column)
{
    return record.value(QString::fromLatin1(column)).toString().trimmed();
}

} // namespace

QStringList reviewOutcome(const QVariantMap &review, const Methodology &methodology)
{
    const CaseworkChoices &sets = methodology.casework();
    QStringList parts;
    // The team and scope always: a reader of the case report needs what the
    // review examines, and an empty one says so.
    parts.append(labelledValue(QStringLiteral("Team"), text(review, "team")));
    parts.append(labelledValue(QStringLiteral("Scope"), text(review, "scope")));
    // A value an earlier version stored freely is marked, as the screen marks it.
    parts.append(labelledValue(QStringLiteral("Capability conclusion"),
                               ratingName(methodology, text(review, "capability_conclusion"))));
    parts.append(labelledValue(QStringLiteral("Recommendation"),
                               text(review, "recommendation").isEmpty()
                                   ? QString()
                                   : sets.recommendations.nameOf(text(review, "recommendation"))));
    QStringList decision{text(review, "decision").isEmpty() ? QString() : sets.decisions.nameOf(text(review, "decision"))};
    if (!decision.first().isEmpty() && !text(review, "decision_date").isEmpty())
        decision.append(QStringLiteral("on %1").arg(showDate(text(review, "decision_date"))));
    if (!decision.first().isEmpty() && !text(review, "decision_maker").isEmpty())
        decision.append(QStringLiteral("by %1").arg(text(review, "decision_maker")));
    parts.append(labelledValue(QStringLiteral("Decision"),
                               decision.first().isEmpty() ? QString() : decision.join(QLatin1Char(' '))));
    return parts;
}

QList<QStringList> findingRows(CaseworkStore &store, const Database &database, const Methodology &methodology,
                               const QVariant &reviewId)
{
    const CaseworkChoices &sets = methodology.casework();
    // A root cause the methodology does not list is marked, as domains and
    // metrics are (tester, issue 13/14: "Aliens" printed as if it were one).
    QStringList causes;
    for (const NamedItem &cause : methodology.rootCauseCategories())
        causes.append(cause.name);
    const auto cause = [&causes](const QString &name) {
        return name.isEmpty() || causes.contains(name) ? name : notInMethodologyList(name);
    };
    QList<QStringList> rows;
    for (const QVariantMap &f : store.records(findingTable(), QStringLiteral("review_id"), reviewId)) {
        QStringList evidence;
        if (!text(f, "evidence").isEmpty())
            evidence.append(text(f, "evidence"));
        if (caseSchemaVersion(database) >= 5)
            for (const QVariantMap &e :
                 store.records(findingEvidenceTable(), QStringLiteral("finding_id"), f.value(QStringLiteral("id")))) {
                QStringList about;
                if (!text(e, "source").isEmpty())
                    about.append(text(e, "source"));
                if (!text(e, "evidence_date").isEmpty())
                    about.append(showDate(text(e, "evidence_date")));
                evidence.append(about.isEmpty() ? text(e, "title")
                                                : QStringLiteral("%1 (%2)").arg(text(e, "title"), about.join(QStringLiteral(", "))));
            }
        rows.append({cause(text(f, "category")), sets.severities.nameOf(text(f, "severity")), text(f, "description"),
                     evidence.join(QStringLiteral("; ")), namedList(text(f, "domains"), [&](const QString &id) { return domainName(methodology, id); }),
                     namedList(text(f, "metrics"), [&](const QString &id) { return metricName(methodology, id); })});
    }
    return rows;
}

QList<std::pair<QString, QList<QStringList>>> findingsByRootCause(const QList<QStringList> &findings,
                                                                 const Methodology &methodology)
{
    QStringList causes;
    for (const NamedItem &cause : methodology.rootCauseCategories())
        causes.append(cause.name);
    for (const QStringList &f : findings)
        if (!causes.contains(f.first()))
            causes.append(f.first());
    QList<std::pair<QString, QList<QStringList>>> groups;
    for (const QString &cause : causes) {
        QList<QStringList> rows;
        for (const QStringList &f : findings)
            if (f.first() == cause)
                rows.append(f.mid(1));
        if (!rows.isEmpty())
            groups.append({cause, rows});
    }
    return groups;
}

QString findingsTable(const QList<QStringList> &rows)
{
    return reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence"),
                        QStringLiteral("Domains"), QStringLiteral("Metrics")},
                       rows);
}

bool hasDiagnosticReview(CaseFile &caseFile)
{
    if (caseSchemaVersion(caseFile.database()) < 3)
        return false;
    CaseworkStore store(caseFile.scope());
    return !store.records(reviewTable()).isEmpty();
}

bool hasDiagnosticReview(const QString &caseFilePath)
{
    CaseFile caseFile(caseFilePath, Database::Mode::ReadOnly);
    return hasDiagnosticReview(caseFile);
}

std::unique_ptr<CaseFile> openReportedCase(Workspace &workspace, const QString &caseFilePath)
{
    if (workspace.isTeam())
        return workspace.openCase(caseFilePath, Database::Mode::ReadOnly);
    return std::make_unique<CaseFile>(caseFilePath, Database::Mode::ReadOnly);
}

bool hasDiagnosticReview(Workspace &workspace, const QString &caseFilePath)
{
    return hasDiagnosticReview(*openReportedCase(workspace, caseFilePath));
}

QString reviewReportHtml(Workspace &workspace, const QString &caseFilePath)
{
    return reviewReportHtml(workspace, *openReportedCase(workspace, caseFilePath));
}

QString reviewReportHtml(Workspace &workspace, CaseFile &caseFile)
{
    NationalCache national(workspace.peers(), workspace.methodology());
    const QStringList quarters = workspace.peers().quarters();
    const CaseIdentity id = caseFile.identity();
    CaseworkStore store(caseFile.scope());
    const QList<QVariantMap> reviews
        = caseSchemaVersion(caseFile.database()) >= 3 ? store.records(reviewTable()) : QList<QVariantMap>();
    if (reviews.isEmpty())
        throw StoreError(QStringLiteral("%1 (%2) has no diagnostic review to report; open one on its Casework tab first")
                             .arg(id.code, caseFile.isOnServer() ? caseFile.path()
                                                                 : QDir::toNativeSeparators(caseFile.path())));
    const QVariantMap review = reviews.last(); // the latest
    // The rules of the year the review was opened in, else the latest.
    const QString quarter = quarters.contains(text(review, "opened_quarter")) ? text(review, "opened_quarter")
                            : quarters.isEmpty()                             ? QString()
                                                                             : quarters.last();
    const Methodology &m = quarter.isEmpty() ? workspace.methodology() : national.methodologyFor(quarter);
    const CaseworkChoices &sets = m.casework();
    const PeerType *type = m.peerType(id.peerType);

    QString html = QStringLiteral("<h1>Diagnostic review: %1 %2</h1><p>%3 &middot; %4 &middot; opened %5 &middot; %6</p>")
                       .arg(escaped(id.code), escaped(shownName(id.name)), escaped(type ? type->name : id.peerType),
                            escaped(shownName(id.region)), escaped(text(review, "opened_quarter")),
                            escaped(sets.reviewStages.nameOf(text(review, "status"))));

    html += QStringLiteral("<h2>Scope and team</h2>");
    QStringList scope;
    scope.append(QStringLiteral("<b>Team:</b> %1").arg(escaped(orNotRecorded(text(review, "team")))));
    scope.append(QStringLiteral("<b>Scope:</b> %1").arg(escaped(orNotRecorded(text(review, "scope")))));
    if (!text(review, "opened_reason").isEmpty())
        scope.append(QStringLiteral("<b>Why opened:</b> %1").arg(escaped(text(review, "opened_reason"))));
    scope.append(QStringLiteral("<b>Started:</b> %1 &middot; <b>Due:</b> %2")
                     .arg(escaped(orNotRecorded(showDate(text(review, "start_date")))),
                          escaped(orNotRecorded(showDate(text(review, "due_date"))))));
    for (const QString &line : scope)
        html += QStringLiteral("<p>%1</p>").arg(line);

    // Findings by root cause, in the methodology's order of causes.
    html += QStringLiteral("<h2>Findings by root cause</h2>");
    const QList<QStringList> findings = findingRows(store, caseFile.database(), m, review.value(QStringLiteral("id")));
    if (findings.isEmpty())
        html += QStringLiteral("<p>No findings recorded yet.</p>");
    for (const auto &[cause, rows] : findingsByRootCause(findings, m))
        html += QStringLiteral("<h3>%1</h3>").arg(escaped(cause)) + findingsTable(rows);

    html += QStringLiteral("<h2>Capability conclusion</h2>");
    const QString conclusion = ratingName(m, text(review, "capability_conclusion"));
    html += QStringLiteral("<p>%1.</p>").arg(escaped(conclusion.isEmpty() ? QStringLiteral("Not yet recorded") : conclusion));

    // The recommendation, the decision and its rationale are read together:
    // on one page when they fit on one (issue 13).
    html += QStringLiteral("<h2>Recommendation and decision</h2>");
    QString decision;
    const QStringList outcome = reviewOutcome(review, m);
    for (const QString &sentence : outcome)
        if (sentence.startsWith(QLatin1String("Recommendation")) || sentence.startsWith(QLatin1String("Decision")))
            decision += QStringLiteral("<p>%1</p>").arg(escaped(sentence));
    if (!text(review, "decision_rationale").isEmpty())
        decision += QStringLiteral("<p>%1</p>").arg(escaped(labelledValue(QStringLiteral("Rationale"), text(review, "decision_rationale"))));
    decision += QStringLiteral("<p style=\"font-size: 7pt;\">Methodology %1. Produced %2 by Oversight Workbench.</p>")
                    .arg(escaped(m.id()), escaped(showDate(QDate::currentDate())));
    return html + reportKeptTogether(decision);
}

void writeReviewReport(Workspace &workspace, CaseFile &caseFile, const QString &pdfPath)
{
    writeReportPdf(reviewReportHtml(workspace, caseFile), pdfPath,
                   QStringLiteral("Oversight Workbench diagnostic review report"));
}

void writeReviewReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath)
{
    writeReviewReport(workspace, *openReportedCase(workspace, caseFilePath), pdfPath);
}

} // namespace owb
