<?php
// No declare(strict_types=1): calls from this file use PHP's coercive mode,
// the default of most PHP code. BindingTest checks the extension there too.

namespace NhanLuc\Tests\Coercive;

function subsidy($policy, $degree, $workplace)
{
    return \nlb_rule_eval($policy, 'attraction_subsidy', ['degree' => $degree, 'major' => 'it',
        'agency' => 'state', 'dedicated_post' => true, 'workplace' => $workplace, 'start' => '2024-05-01']);
}

function cap($policy, $years)
{
    return \nlb_rule_eval($policy, 'expert_salary_cap', ['degree' => 'bachelor',
        'experience_years' => $years, 'on' => '2024-05-01']);
}

function policyGet($policy, $key, $on)
{
    return \nl_policy_get($policy, $key, $on);
}
