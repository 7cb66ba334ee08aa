// Template part of audit.h.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

namespace core {

AuditRecord audit_record_from(SQLite::Statement& st);
extern const char* const audit_select;

template <class Visit>
void for_each_audit(SQLite::Database& db, Visit&& visit) {
    SQLite::Statement st(db, std::string(audit_select) + " ORDER BY seq");
    while (st.executeStep()) visit(audit_record_from(st));
}

}  // namespace core
