# nhanluc_add_output_test(NAME <name> EXIT <code|nonzero> REGEX <regex>
#                         [PYTHON <interpreter>] COMMAND <command> [<arg>...])
# A test that runs COMMAND and passes only if it exits with EXIT (0, a
# given code, or "nonzero") AND its output (stdout and stderr together)
# matches REGEX. ctest's own PASS_REGULAR_EXPRESSION ignores the exit code,
# so a crash after the expected lines, or a refusal that exits 0, would pass.
# The regex goes through a file (it may hold newlines and semicolons).
# With PYTHON, COMMAND is a Python script run inside that interpreter by
# expect_output.py (no cmake process under a preloaded sanitizer runtime).
set(_nl_expect_dir ${CMAKE_CURRENT_LIST_DIR})
function(nhanluc_add_output_test)
  cmake_parse_arguments(PARSE_ARGV 0 _t "" "NAME;EXIT;REGEX;PYTHON" "COMMAND")
  set(_file ${CMAKE_CURRENT_BINARY_DIR}/${_t_NAME}.expect)
  file(WRITE ${_file} "${_t_REGEX}")
  if(_t_PYTHON)
    add_test(NAME ${_t_NAME}
             COMMAND ${_t_PYTHON} ${_nl_expect_dir}/expect_output.py ${_t_EXIT} ${_file}
                     ${_t_COMMAND})
  else()
    add_test(NAME ${_t_NAME}
             COMMAND ${CMAKE_COMMAND} -DEXPECT_EXIT=${_t_EXIT} -DEXPECT_REGEX_FILE=${_file}
                     -P ${_nl_expect_dir}/expect_output.cmake -- ${_t_COMMAND})
  endif()
endfunction()

# nhanluc_add_cmocka_test(<target> <source> NAME <test> [LABELS ...]
#                         [DEFINITIONS ...] [LIBS ...])
# One cmocka test program: built with the project's warnings (errors with
# NHANLUC_WERROR), linked with the library and cmocka (the calling
# directory must have run pkg_check_modules(CMOCKA ... IMPORTED_TARGET)),
# registered with ctest, and given the sanitizer runtime's options in a
# sanitizer build.
function(nhanluc_add_cmocka_test target source)
  cmake_parse_arguments(PARSE_ARGV 2 _t "" "NAME" "LABELS;DEFINITIONS;LIBS")
  add_executable(${target} ${source})
  target_link_libraries(${target} PRIVATE nhanluc::nhanluc PkgConfig::CMOCKA m ${_t_LIBS})
  if(_t_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${_t_DEFINITIONS})
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wvla
    $<$<BOOL:${NHANLUC_WERROR}>:-Werror>)
  add_test(NAME ${_t_NAME} COMMAND ${target})
  set_tests_properties(${_t_NAME} PROPERTIES LABELS "${_t_LABELS}")
  if(NHANLUC_SANITIZER_ENV)
    set_property(TEST ${_t_NAME} APPEND PROPERTY ENVIRONMENT ${NHANLUC_SANITIZER_ENV})
  endif()
endfunction()
