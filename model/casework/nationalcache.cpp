#include "nationalcache.h"

#include "data/quarterlabel.h"
#include "framework/benchmark.h"
#include "store/methodologyregister.h"

#include <algorithm>

namespace owb {

NationalCache::NationalCache(PeerStore &peers, const Methodology &methodology)
    : m_peers(peers), m_methodology(methodology)
{
    const MethodologyRegister reg(peers.database());
    m_reissues = reg.reissues();
    for (const RegisteredFile &file : reg.files())
        if (!file.methodology.hasProgramme())
            m_withoutProgramme.insert(file.methodology.sha256());
    for (const RegisteredYear &year : reg.years())
        if (const Methodology *rules = reg.forYear(year.year)) {
            m_byYear.insert(year.year, *rules);
            m_programmeNames.insert(year.year, reg.programmeNameIn(year.year + QStringLiteral(" Q1")));
        }
}

QString NationalCache::programmeNameIn(const QString &label) const
{
    const QString name = m_programmeNames.value(yearOfQuarter(label));
    return name.isEmpty() ? (m_methodology.hasProgramme() ? m_methodology.programmeName()
                                                         : Methodology::builtIn().programmeName())
                          : name;
}

const Methodology &NationalCache::methodologyFor(const QString &label) const
{
    const auto it = m_byYear.constFind(yearOfQuarter(label));
    return it == m_byYear.cend() ? m_methodology : *it;
}

QSet<QString> NationalCache::yearsWithoutProgramme() const
{
    QSet<QString> years;
    for (auto it = m_byYear.cbegin(); it != m_byYear.cend(); ++it)
        if (!it->hasProgramme())
            years.insert(it.key());
    return years;
}

NationalCache::Entry &NationalCache::entry(const QString &label)
{
    auto &slot = m_entries[label];
    if (!slot) {
        slot = std::make_shared<Entry>();
        slot->data = m_peers.loadQuarter(label);
    }
    return *slot;
}

const QuarterData &NationalCache::quarter(const QString &label)
{
    return entry(label).data;
}

const QuarterAssessment &NationalCache::assessment(const QString &label)
{
    Entry &e = entry(label);
    if (!e.assessment)
        e.assessment = std::make_unique<QuarterAssessment>(assessQuarter(methodologyFor(label), e.data.toInputs()));
    return *e.assessment;
}

QList<double> NationalCache::peerValues(const QString &quarter, const QString &peerType, const QString &metricId)
{
    QList<double> values;
    for (const OrganisationQuarter &org : entry(quarter).data.organisations) {
        if (org.peerType != peerType)
            continue;
        const auto it = org.values.constFind(metricId);
        if (it != org.values.cend() && it->kind == MetricValue::Kind::Number)
            values.append(it->number);
    }
    return values;
}

double NationalCache::domainMedian(const QString &quarter, const QString &peerType, const QString &domainId)
{
    QList<double> scores;
    for (const OrganisationAssessment &org : assessment(quarter).organisations) {
        if (org.peerType != peerType)
            continue;
        for (const DomainResult &d : org.domains)
            if (d.domainId == domainId && d.score > 0)
                scores.append(d.score / 100.0);
    }
    if (scores.isEmpty())
        return 0;
    std::sort(scores.begin(), scores.end());
    return quartileInc(scores, 2);
}

void NationalCache::clear()
{
    m_entries.clear();
}

} // namespace owb
