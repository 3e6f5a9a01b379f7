#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace owb {

bool installTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/oversight-workbench_en_GB.qm"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace owb
