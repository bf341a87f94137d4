# Installs the PHP component twice into a scratch directory and checks that
# PHP finds the extension through the installed ini snippet (`php -m` lists
# nhanluc) and the layer through the include path (ctest php.install).
#   1. as a Debian package would: --prefix /usr with DESTDIR staging;
#   2. relocated: --prefix <dir>, the ini naming the extension by full path.
# -D: BUILD_DIR, WORK_DIR, PHP, PHP_EXT_DIR (php-config --extension-dir),
#     PHP_SCAN_DIR (scanned conf.d), PHP_MODS_DIR (mods-available or empty),
#     PHP_DOC (docs/php.md: its PHP_INI_SCAN_DIR recipe is run).
cmake_minimum_required(VERSION 3.25)

function(fail message)
  message(FATAL_ERROR "install check: ${message}")
endfunction()

function(run_php out)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install check: ${ARGN} failed (${rc}):\n${stdout}\n${stderr}")
  endif()
  set(${out} "${stdout}${stderr}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
# A script using the installed layer (found on the include path).
set(probe "${WORK_DIR}/probe.php")
file(WRITE "${probe}" [=[<?php
require 'NhanLuc/autoload.php';
echo NhanLuc\Policy::defaultPolicy()->attractionSubsidy([
    'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
    'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01',
])->amount;
]=])

# ------------------------------------------------ 1. --prefix /usr, DESTDIR
set(stage "${WORK_DIR}/stage")
set(ENV{DESTDIR} "${stage}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --component php --prefix /usr
                RESULT_VARIABLE rc)
unset(ENV{DESTDIR})
if(NOT (rc EQUAL 0))
  fail("cmake --install --prefix /usr failed")
endif()

set(ext "${stage}${PHP_EXT_DIR}/nhanluc.so")
if(NOT (EXISTS "${ext}"))
  fail("no ${ext}")
endif()
if(PHP_MODS_DIR)
  set(ini "${stage}${PHP_MODS_DIR}/nhanluc.ini")
  set(link "${stage}${PHP_SCAN_DIR}/20-nhanluc.ini")
  if(NOT (IS_SYMLINK "${link}"))
    fail("no symlink ${link}")
  endif()
  file(READ_SYMLINK "${link}" target)
  if(IS_ABSOLUTE "${target}")
    fail("the conf.d link must be relative, is ${target}")
  endif()
else()
  set(ini "${stage}${PHP_SCAN_DIR}/20-nhanluc.ini")
endif()
if(NOT (EXISTS "${ini}"))
  fail("no ${ini}")
endif()
file(READ "${ini}" content)
if(NOT (content MATCHES "\nextension=nhanluc\n"))
  fail("${ini} must say extension=nhanluc:\n${content}")
endif()
if(NOT (EXISTS "${stage}/usr/share/php/NhanLuc/autoload.php"))
  fail("no PHP layer in /usr/share/php/NhanLuc")
endif()
if(NOT (EXISTS "${stage}/usr/share/php/NhanLuc/Policy.php"))
  fail("no Policy.php in /usr/share/php/NhanLuc")
endif()

# PHP as installed: the staged conf.d scanned, the staged extension dir.
set(ENV{PHP_INI_SCAN_DIR} "${stage}${PHP_SCAN_DIR}")
run_php(modules "${PHP}" -d "extension_dir=${stage}${PHP_EXT_DIR}" -m)
if(NOT (modules MATCHES "\nnhanluc\n"))
  fail("php -m does not list nhanluc:\n${modules}")
endif()
run_php(amount "${PHP}" -d "extension_dir=${stage}${PHP_EXT_DIR}"
        -d "include_path=.:${stage}/usr/share/php" "${probe}")
if(NOT (amount STREQUAL "100000000"))
  fail("installed layer answered '${amount}'")
endif()

# --------------------------------------------------- 2. relocated prefix
set(prefix "${WORK_DIR}/prefix")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --component php --prefix "${prefix}"
                RESULT_VARIABLE rc)
if(NOT (rc EQUAL 0))
  fail("cmake --install --prefix ${prefix} failed")
endif()
file(GLOB_RECURSE inis "${prefix}/*nhanluc.ini")
list(LENGTH inis n)
if(NOT (n GREATER 0))
  fail("no nhanluc.ini under ${prefix}")
endif()
list(GET inis 0 ini)
file(READ "${ini}" content)
if(NOT (content MATCHES "\nextension=${prefix}/[^\n]*/nhanluc.so\n"))
  fail("${ini} must name the relocated extension:\n${content}")
endif()
# PHP's conf.d under /etc moves to <prefix>/etc, as GNUInstallDirs places sysconfdir.
string(REGEX REPLACE "^/etc/" "${prefix}/etc/" confd "${PHP_SCAN_DIR}")
if(NOT (EXISTS "${confd}/20-nhanluc.ini"))
  fail("no ${confd}/20-nhanluc.ini")
endif()
# docs/php.md's recipe, P being this prefix: PHP_INI_SCAN_DIR must add the
# relocated conf.d to what PHP scans, not replace it (a value without the
# leading ':' dropped every module the system enables).
file(READ "${PHP_DOC}" doc)
if(NOT (doc MATCHES "`PHP_INI_SCAN_DIR=([^`]*)`"))
  fail("${PHP_DOC} gives no `PHP_INI_SCAN_DIR=...` recipe")
endif()
set(recipe "${CMAKE_MATCH_1}")
string(REGEX REPLACE "P/[^:]*" "${confd}" scan "${recipe}")
unset(ENV{PHP_INI_SCAN_DIR})
run_php(system_modules "${PHP}" -m)
set(ENV{PHP_INI_SCAN_DIR} "${scan}")
run_php(modules "${PHP}" -m)
if(NOT (modules MATCHES "\nnhanluc\n"))
  fail("php -m (relocated, PHP_INI_SCAN_DIR=${scan}) does not list nhanluc:\n${modules}")
endif()
string(REGEX MATCHALL "\n[A-Za-z][^\n]*" system_list "${system_modules}")
foreach(m IN LISTS system_list)
  string(FIND "${modules}" "${m}\n" at)
  if(at EQUAL -1)
    string(STRIP "${m}" m)
    fail("the documented PHP_INI_SCAN_DIR=${recipe} loses the system's module ${m}:\n${modules}")
  endif()
endforeach()
run_php(amount "${PHP}" -d "include_path=.:${prefix}/share/php" "${probe}")
if(NOT (amount STREQUAL "100000000"))
  fail("relocated layer answered '${amount}'")
endif()
unset(ENV{PHP_INI_SCAN_DIR})

file(REMOVE_RECURSE "${WORK_DIR}")
message(STATUS "install check: php -m lists nhanluc after both installs")
