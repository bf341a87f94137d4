<?php
// No declare(strict_types=1): calls from this file use PHP's coercive mode,
// the default of most PHP code. BindingTest checks the extension there too.

namespace NhanLuc\Tests\Coercive;

function subsidy($policy, $degree, $workplace)
{
    return \nlb_attraction_subsidy($policy, $degree, 1, 2, true, $workplace, \nl_date_parse('2024-05-01'));
}

function cap($policy, $years)
{
    return \nlb_expert_salary_cap($policy, 2, $years, 0, false, \nl_date_parse('2024-05-01'));
}

function policyGet($policy, $key, $on)
{
    return \nl_policy_get($policy, $key, $on);
}
