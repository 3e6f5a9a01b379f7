#include "serverprobe.h"

#include "database.h"

namespace owb {

bool serverAnswers(Database &db)
{
    if (!db.connection().isOpen())
        return false;
    try {
        return db.scalar(QStringLiteral("SELECT 1")).toInt() == 1;
    } catch (const StoreError &) {
        return false;
    }
}

} // namespace owb
