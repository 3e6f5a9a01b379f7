#pragma once
// What the workspace tests share: a small national file (two quarters, three
// acute trusts of which one in London, one mental health trust, one trust in
// deficit) and importing it into a workspace as `owb import` does.
// Header-only: each test executable includes it once.
// On either back end (casefixture.h): workspaceWith() gives a folder
// workspace, or with OWB_TEST_BACKEND=postgres a team workspace on a
// database of its own, made and dropped by the fixture.

#include "casefixture.h"
#include "data/metricfilereader.h"
#include "store/integritycheck.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QByteArray>

namespace owbtest {

inline const QByteArray kData =
    "quarter,org_code,org_name,org_type,metric_id,value,region\n"
    "2025/26 Q1,RA1,Alpha,acute,OF0023,60,Midlands\n"
    "2025/26 Q1,RA2,Beta,acute,OF0023,55,London\n"
    "2025/26 Q1,RA3,Gamma,acute,OF0023,50,Midlands\n"
    "2025/26 Q1,RA3,Gamma,acute,DEFICIT,1,Midlands\n"
    "2025/26 Q1,RM1,Mu,mhc,OF0082,4.5,Midlands\n"
    "2025/26 Q2,RA1,Alpha,acute,OF0023,50,Midlands\n"
    "2025/26 Q2,RA2,Beta,acute,OF0023,58,London\n"
    "2025/26 Q2,RA3,Gamma,acute,OF0023,61,Midlands\n"
    "2025/26 Q2,RM1,Mu,mhc,OF0082,4.1,Midlands\n";

// The rows of a metric file; test data that does not read stops the test.
inline owb::MetricDataset parse(const QByteArray &bytes, const owb::Methodology &m = owb::Methodology::builtIn())
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    owb::Diagnostics errors;
    auto dataset = owb::MetricFileReader(m).read(&buffer, QStringLiteral("t.csv"), &errors);
    if (!dataset)
        qFatal("test data invalid: %s", qPrintable(errors.first().toString()));
    return *dataset;
}

inline owb::ImportReport importInto(owb::Workspace &workspace, const QByteArray &bytes,
                                    const owb::Methodology &m = owb::Methodology::builtIn())
{
    return workspace.import(parse(bytes, m), m, QStringLiteral("t.csv"), QStringLiteral("sha"), 1);
}

// A workspace under test holding the data imported from `bytes` (following
// `region`, or every organisation): a folder workspace in a folder of its
// own; on a server, the same folder uploaded (owb team push) into a new
// team workspace, opened as the workbench opens one. Dropped with the object.
class WorkspaceUnderTest
{
public:
    ~WorkspaceUnderTest()
    {
        m_workspace.reset();
        try {
            for (const owb::ServerAddress &server : std::as_const(m_servers))
                dropServerDatabase(server);
        } catch (const owb::StoreError &error) {
            qWarning("%s", qPrintable(error.message()));
        }
    }

    owb::Workspace &with(const QByteArray &bytes, const QString &region = {},
                         const owb::Methodology &m = owb::Methodology::builtIn())
    {
        const QString directory = m_dir.filePath(QStringLiteral("ws%1").arg(++m_made));
        {
            auto folder = owb::Workspace::create(directory, region);
            m_report = importInto(*folder, bytes, m);
            if (!onServer()) {
                m_workspace = std::move(folder);
                return *m_workspace;
            }
        }
        const owb::ServerAddress server = createServerDatabase(QStringLiteral("owbws"));
        m_servers.append(server);
        owb::initTeamWorkspace(server, {});
        owb::pushWorkspace(directory, server, {});
        m_workspace = owb::Workspace::openTeam(server, {});
        return *m_workspace;
    }

    // The workspace in `directory` (made by the test, the demo's say) as the
    // test reads it: the folder, read-only; on a server, the folder uploaded
    // into a new team workspace, opened for writing (its cases' sessions
    // share its connection, as in the workbench).
    owb::Workspace &open(const QString &directory)
    {
        if (!onServer()) {
            m_workspace = owb::Workspace::open(directory, owb::Database::Mode::ReadOnly);
            return *m_workspace;
        }
        const owb::ServerAddress server = createServerDatabase(QStringLiteral("owbws"));
        m_servers.append(server);
        owb::initTeamWorkspace(server, {});
        owb::pushWorkspace(directory, server, {});
        m_workspace = owb::Workspace::openTeam(server, {});
        return *m_workspace;
    }

    QString folder() const { return m_dir.path(); }
    // What importing the data reported (on a server, the import into the
    // folder that was uploaded).
    const owb::ImportReport &importReport() const { return m_report; }

private:
    QTemporaryDir m_dir;
    int m_made = 0;
    QList<owb::ServerAddress> m_servers;
    std::unique_ptr<owb::Workspace> m_workspace;
    owb::ImportReport m_report;
};

// How a report names a case (reports/reviewreport.h, openReportedCase): a
// case file's path, or on a team workspace the organisation's code.
inline QString reportedCase(owb::Workspace &workspace, const QString &code)
{
    return workspace.isTeam() ? code : workspace.caseFilePath(code);
}

// What owb check finds in a workspace of either kind.
inline QStringList checkProblems(owb::Workspace &workspace)
{
    return workspace.isTeam() ? owb::checkTeamWorkspace(workspace.server(), {}).problems
                              : owb::checkWorkspace(workspace.directory()).problems;
}

} // namespace owbtest
