# Every third-party library comes from Debian 12 packages (scripts/install-deps.sh). Nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)  # header-only in Debian
endif()
find_package(nlohmann_json REQUIRED)
find_package(igraph REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(Boost 1.74 REQUIRED)  # header-only: Boost.Math's count distributions

pkg_check_modules(OPENCC REQUIRED IMPORTED_TARGET opencc)
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx libpq)  # the PostgreSQL store

find_library(CSV_LIBRARY NAMES csv REQUIRED)
find_path(CSV_INCLUDE_DIR NAMES csv.h REQUIRED)
add_library(libcsv::csv UNKNOWN IMPORTED)
set_target_properties(libcsv::csv PROPERTIES IMPORTED_LOCATION ${CSV_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${CSV_INCLUDE_DIR})

find_library(FASTTEXT_LIBRARY NAMES fasttext REQUIRED)
add_library(fasttext::fasttext UNKNOWN IMPORTED)
set_target_properties(fasttext::fasttext PROPERTIES IMPORTED_LOCATION ${FASTTEXT_LIBRARY})

find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(cld2::cld2 PROPERTIES IMPORTED_LOCATION ${CLD2_LIBRARY})

find_library(GUMBO_LIBRARY NAMES gumbo REQUIRED)
add_library(gumbo::gumbo UNKNOWN IMPORTED)
set_target_properties(gumbo::gumbo PROPERTIES IMPORTED_LOCATION ${GUMBO_LIBRARY})

if(VIGIL_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIGIL_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
