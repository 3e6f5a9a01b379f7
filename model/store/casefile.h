#pragma once
// One organisation's case file (<ODS code>.owcase): identity, metric values
// per quarter and each quarter's assessment. Casework tables arrive through
// later schema versions. Every write is one transaction.

#include "casescope.h"
#include "database.h"
#include "storedassessment.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace owb {

struct CaseIdentity
{
    QString code;
    QString name;
    QString peerType;
    QString region;
    bool operator==(const CaseIdentity &) const = default;
};

// What an import writes for one quarter of one organisation.
struct QuarterRecord
{
    QHash<QString, MetricValue> values;
    StoredAssessment assessment;
};

class CaseFile
{
public:
    static inline const QString kSuffix = QStringLiteral(".owcase");
    static QString fileNameFor(const QString &code) { return code + kSuffix; }

    CaseFile(const QString &path, Database::Mode mode);
    // One organisation's case in a team workspace: the `cases` part of a
    // server (Database(ServerAddress, ServerArea::Cases, ...)), a connection
    // the cases of one workspace share (so that an import writes many cases
    // in one transaction). Every write is a Transaction(scope()): the case's
    // lock, then its audit entries sealed with the server's session user.
    // Refuses an organisation the workspace has no case for unless `mode` is
    // CreateIfMissing (an import's first quarter for it).
    CaseFile(Database &server, const QString &org, Database::Mode mode = Database::Mode::OpenExisting);

    // Empty when the file holds the organisation its name says (or none yet);
    // else a message saying what it holds instead.
    static QString nameMismatch(const QString &path, const QString &code);

    Database &database() { return m_db; }
    bool isOnServer() const { return m_db.isServer(); }
    // The organisation whose case this is (empty while a new file holds none):
    // what every statement on its tables names.
    QString orgCode() const { return m_org; }
    CaseScope scope() { return {m_db, m_org}; }
    QString path() const { return m_db.path(); }

    CaseIdentity identity();
    // The identity as read when the case file was opened (what its checks
    // compared), without asking again: for a reader that writes nothing
    // (the portfolio). Empty for a case on a server.
    const CaseIdentity &identityWhenOpened() const { return m_opened; }
    QStringList quarters(); // with an assessment, in period order
    std::optional<StoredAssessment> assessment(const QString &quarter);
    // The same, from a case file's database while it is being opened (the
    // schema ladder recomputes digests with it).
    static std::optional<StoredAssessment> readAssessment(Database &db, const QString &quarter);
    static std::optional<StoredAssessment> readAssessment(const CaseScope &scope, const QString &quarter);
    QList<StoredAssessment> assessments();  // period order, in three statements (one per table)
    // Every quarter's stored assessment of one organisation, with its metric
    // and domain scores, by quarter: one statement per table (assessment,
    // metric_score, domain_score), whatever the number of quarters.
    static QHash<QString, StoredAssessment> readAssessments(const CaseScope &scope);
    // Stored assessments without their metric and domain scores (what a
    // list of cases shows), by organisation and quarter, in one statement:
    // one case's (`org`), or with an empty `org` every case the database
    // holds (a team workspace's shared table).
    static QHash<QString, QHash<QString, StoredAssessment>> readAssessmentHeads(Database &db, const QString &org);
    QHash<QString, MetricValue> metricValues(const QString &quarter);

    // While held (a case session's view of its case, CaseSession::readAgain):
    // the assessments (quarters(), assessment(), assessments()) and the
    // metric values (metricValues()) are read for every quarter at once,
    // one statement per table, when first asked, and answered from those
    // rows until forgetReads() or a write through this CaseFile. Not held,
    // every read goes to the database (a case session lets go while it
    // writes a group of edits, whose checks read what the transaction sees).
    void holdReads(bool hold);
    void forgetReads();

    // Writes identity and quarters in one transaction, leaving untouched any
    // quarter whose stored assessment and values are already the same.
    // Returns how many quarters changed.
    // `workspaceId`: the workspace writing it, recorded in the same transaction.
    int write(const CaseIdentity &identity, const QList<QuarterRecord> &quarters, const QString &workspaceId = {});

    // The id of the workspace the file belongs to; empty for a file no writer
    // of this version has adopted yet.
    QString workspaceId();
    // Empty when the file may belong to the workspace with id `expected` (or
    // either id is not known yet); else a message naming both.
    QString membershipProblem(const QString &expected);
    // Folder -> id of each workspace opened in this process: the case file
    // opened there is checked against it (one check for every reader).
    static void registerWorkspace(const QString &directory, const QString &workspaceId);

    // Internal consistency of the stored assessments; empty when consistent.
    QStringList consistencyProblems();

private:
    bool sameQuarter(const QuarterRecord &record);
    void writeQuarter(const QuarterRecord &record);

    std::unique_ptr<Database> m_file; // a case file's own connection; none on a server
    Database &m_db;
    QString m_org;
    CaseIdentity m_opened; // a case file's, read once on opening
    qint64 m_auditMark = 0; // the last audit entry before the open transaction
    // holdReads: what has been read since the last forgetReads().
    bool m_holdReads = false;
    std::optional<QHash<QString, StoredAssessment>> m_heldAssessments; // by quarter
    std::optional<QHash<QString, QHash<QString, MetricValue>>> m_heldValues; // by quarter, then metric
    const QHash<QString, StoredAssessment> *heldAssessments();
};

} // namespace owb
