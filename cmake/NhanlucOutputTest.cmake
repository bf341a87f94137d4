# nhanluc_add_output_test(NAME <name> EXIT <code|nonzero> REGEX <regex>
#                         COMMAND <command> [<arg>...])
# A test that runs COMMAND and passes only if it exits with EXIT (0, a
# given code, or "nonzero") AND its output (stdout and stderr together)
# matches REGEX. ctest's own PASS_REGULAR_EXPRESSION ignores the exit code,
# so a crash after the expected lines, or a refusal that exits 0, would pass.
# The regex goes through a file (it may hold newlines and semicolons).
set(_nl_expect_script ${CMAKE_CURRENT_LIST_DIR}/expect_output.cmake)
function(nhanluc_add_output_test)
  cmake_parse_arguments(PARSE_ARGV 0 _t "" "NAME;EXIT;REGEX" "COMMAND")
  set(_file ${CMAKE_CURRENT_BINARY_DIR}/${_t_NAME}.expect)
  file(WRITE ${_file} "${_t_REGEX}")
  add_test(NAME ${_t_NAME}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_EXIT=${_t_EXIT} -DEXPECT_REGEX_FILE=${_file}
                   -P ${_nl_expect_script} -- ${_t_COMMAND})
endfunction()
