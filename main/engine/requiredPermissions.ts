/**
 * Every IAM action the setup flow needs from the user's profile, and why. All purposes but
 * `stackResources` are API calls the app itself makes (the action is the operation's name);
 * `stackResources` are the calls CloudFormation makes with the same profile to create and later
 * delete the template's resources (there is no stack service role). Preflight simulates this list;
 * the README's "Permissions for administrators" section mirrors it (a unit test keeps them equal,
 * and another that every AWS call in main/engine is listed).
 */
export const REQUIRED_PERMISSIONS = [
  { action: 'sts:GetCallerIdentity', purpose: 'identity' },
  { action: 'rds:DescribeDBInstances', purpose: 'discovery' },
  { action: 'rds:DescribeDBClusters', purpose: 'discovery' },
  { action: 'rds:DescribeDBSubnetGroups', purpose: 'discovery' },
  { action: 'ec2:DescribeSubnets', purpose: 'preflight' },
  { action: 'ec2:DescribeRouteTables', purpose: 'preflight' },
  { action: 'ec2:DescribeVpcEndpoints', purpose: 'preflight' },
  { action: 'ec2:DescribeVpcEndpointServices', purpose: 'preflight' },
  { action: 'ec2:DescribeAvailabilityZones', purpose: 'preflight' },
  { action: 'ec2:DescribeSecurityGroups', purpose: 'preflight' },
  { action: 'servicequotas:GetServiceQuota', purpose: 'preflight' },
  { action: 'iam:GetRole', purpose: 'preflight' },
  { action: 'iam:SimulatePrincipalPolicy', purpose: 'preflight' },
  { action: 'lambda:GetFunction', purpose: 'preflight' },
  { action: 'lambda:GetAccountSettings', purpose: 'preflight' },
  { action: 'cloudformation:DescribeStacks', purpose: 'preflight' },
  // MySQL/MariaDB: where max_connect_errors comes from (mysqlHostBlocking.ts).
  { action: 'rds:DescribeDBInstances', purpose: 'preflight' },
  { action: 'rds:DescribeDBClusters', purpose: 'preflight' },
  { action: 'rds:DescribeDBParameters', purpose: 'preflight' },
  { action: 'rds:DescribeDBClusterParameters', purpose: 'preflight' },
  { action: 'ec2:CreateSecurityGroup', purpose: 'securityGroups' },
  // Tags are set in the create call itself (TagSpecifications), which IAM authorizes as CreateTags.
  { action: 'ec2:CreateTags', purpose: 'securityGroups' },
  { action: 'ec2:AuthorizeSecurityGroupIngress', purpose: 'securityGroups' },
  // A rule another connection already made is shared: its description lists both connections.
  { action: 'ec2:UpdateSecurityGroupRuleDescriptionsIngress', purpose: 'securityGroups' },
  { action: 'ec2:CreateVpcEndpoint', purpose: 'endpoints' },
  { action: 'ec2:CreateTags', purpose: 'endpoints' },
  { action: 'cloudformation:CreateStack', purpose: 'stack' },
  { action: 'cloudformation:DescribeStacks', purpose: 'stack' },
  { action: 'cloudformation:DescribeStackEvents', purpose: 'stack' },
  // After the stack: the NLB's own addresses (its network interfaces) get /32 rules.
  { action: 'ec2:DescribeNetworkInterfaces', purpose: 'securityGroups' },
  { action: 'ec2:DescribeSecurityGroups', purpose: 'securityGroups' },
  // SMOOZ's endpoint connection is accepted by the app; any other pending request is rejected.
  { action: 'ec2:DescribeVpcEndpointConnections', purpose: 'acceptance' },
  { action: 'ec2:AcceptVpcEndpointConnections', purpose: 'acceptance' },
  { action: 'ec2:RejectVpcEndpointConnections', purpose: 'acceptance' },
  { action: 'ec2:DescribeVpcEndpointConnections', purpose: 'verification' },
  { action: 'elasticloadbalancing:DescribeTargetHealth', purpose: 'verification' },
  { action: 'cloudformation:DeleteStack', purpose: 'teardown' },
  { action: 'cloudformation:DescribeStacks', purpose: 'teardown' },
  { action: 'cloudformation:DescribeStackEvents', purpose: 'teardown' },
  { action: 'ec2:DescribeSecurityGroups', purpose: 'teardown' },
  { action: 'ec2:DescribeSecurityGroupRules', purpose: 'teardown' },
  { action: 'ec2:RevokeSecurityGroupIngress', purpose: 'teardown' },
  { action: 'ec2:UpdateSecurityGroupRuleDescriptionsIngress', purpose: 'teardown' },
  { action: 'ec2:DescribeVpcEndpoints', purpose: 'teardown' },
  { action: 'ec2:DeleteVpcEndpoints', purpose: 'teardown' },
  { action: 'ec2:DeleteSecurityGroup', purpose: 'teardown' },
  // Endpoints another connection still uses are left to it, re-tagged with its id.
  { action: 'ec2:CreateTags', purpose: 'teardown' },
  // Updating a connection's stack to the current template by change set (main/lifecycle).
  { action: 'cloudformation:CreateChangeSet', purpose: 'upgrade' },
  { action: 'cloudformation:DescribeChangeSet', purpose: 'upgrade' },
  { action: 'cloudformation:ExecuteChangeSet', purpose: 'upgrade' },
  { action: 'cloudformation:DeleteChangeSet', purpose: 'upgrade' },
  { action: 'cloudformation:DescribeStacks', purpose: 'upgrade' },
  { action: 'cloudformation:DescribeStackEvents', purpose: 'upgrade' },
  // Then the NLB's /32s replace the connection's subnet-wide rules (template v2 and older).
  { action: 'ec2:DescribeSubnets', purpose: 'upgrade' },
  { action: 'ec2:DescribeNetworkInterfaces', purpose: 'upgrade' },
  { action: 'ec2:DescribeSecurityGroups', purpose: 'upgrade' },
  { action: 'ec2:AuthorizeSecurityGroupIngress', purpose: 'upgrade' },
  { action: 'ec2:UpdateSecurityGroupRuleDescriptionsIngress', purpose: 'upgrade' },
  { action: 'ec2:DescribeSecurityGroupRules', purpose: 'upgrade' },
  { action: 'ec2:RevokeSecurityGroupIngress', purpose: 'upgrade' },
  { action: 'iam:CreateRole', purpose: 'stackResources' },
  { action: 'iam:GetRole', purpose: 'stackResources' },
  { action: 'iam:PutRolePolicy', purpose: 'stackResources' },
  { action: 'iam:GetRolePolicy', purpose: 'stackResources' },
  { action: 'iam:TagRole', purpose: 'stackResources' },
  { action: 'iam:PassRole', purpose: 'stackResources' },
  { action: 'iam:DeleteRolePolicy', purpose: 'stackResources' },
  { action: 'iam:DeleteRole', purpose: 'stackResources' },
  { action: 'lambda:CreateFunction', purpose: 'stackResources' },
  { action: 'lambda:GetFunction', purpose: 'stackResources' },
  { action: 'lambda:TagResource', purpose: 'stackResources' },
  { action: 'lambda:AddPermission', purpose: 'stackResources' },
  { action: 'lambda:InvokeFunction', purpose: 'stackResources' },
  { action: 'lambda:RemovePermission', purpose: 'stackResources' },
  { action: 'lambda:DeleteFunction', purpose: 'stackResources' },
  // An upgrade changes the functions in place.
  { action: 'lambda:UpdateFunctionConfiguration', purpose: 'stackResources' },
  { action: 'lambda:UpdateFunctionCode', purpose: 'stackResources' },
  // Lambda checks a VPC configuration with the caller's permissions.
  { action: 'ec2:DescribeSecurityGroups', purpose: 'stackResources' },
  { action: 'ec2:DescribeSubnets', purpose: 'stackResources' },
  { action: 'ec2:DescribeVpcs', purpose: 'stackResources' },
  { action: 'ec2:DescribeNetworkInterfaces', purpose: 'stackResources' },
  { action: 'logs:CreateLogGroup', purpose: 'stackResources' },
  { action: 'logs:DescribeLogGroups', purpose: 'stackResources' },
  { action: 'logs:PutRetentionPolicy', purpose: 'stackResources' },
  { action: 'logs:TagResource', purpose: 'stackResources' },
  { action: 'logs:DeleteLogGroup', purpose: 'stackResources' },
  { action: 'events:PutRule', purpose: 'stackResources' },
  { action: 'events:PutTargets', purpose: 'stackResources' },
  { action: 'events:DescribeRule', purpose: 'stackResources' },
  { action: 'events:RemoveTargets', purpose: 'stackResources' },
  { action: 'events:DeleteRule', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:CreateLoadBalancer', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:CreateTargetGroup', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:CreateListener', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:ModifyLoadBalancerAttributes', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:ModifyTargetGroupAttributes', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:AddTags', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeLoadBalancers', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeLoadBalancerAttributes', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeTargetGroups', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeTargetGroupAttributes', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeListeners', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DescribeTags', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DeleteListener', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DeleteTargetGroup', purpose: 'stackResources' },
  { action: 'elasticloadbalancing:DeleteLoadBalancer', purpose: 'stackResources' },
  { action: 'ec2:CreateVpcEndpointServiceConfiguration', purpose: 'stackResources' },
  { action: 'ec2:DescribeVpcEndpointServiceConfigurations', purpose: 'stackResources' },
  { action: 'ec2:ModifyVpcEndpointServicePermissions', purpose: 'stackResources' },
  { action: 'ec2:DescribeVpcEndpointServicePermissions', purpose: 'stackResources' },
  { action: 'ec2:DeleteVpcEndpointServiceConfigurations', purpose: 'stackResources' },
] as const;

export type PermissionPurpose = (typeof REQUIRED_PERMISSIONS)[number]['purpose'];

/**
 * The one list the user and the administrator see: each action once, in the list's order, with
 * every reason for it. Preflight simulates exactly these actions and the confirmation screen
 * lists exactly these entries (setup:requiredPermissions), so both give the same count.
 */
export const REQUIRED_ACTION_LIST: readonly {
  readonly action: string;
  readonly purposes: readonly PermissionPurpose[];
}[] = [...new Set(REQUIRED_PERMISSIONS.map((p) => p.action))].map((action) => ({
  action,
  purposes: [
    ...new Set(REQUIRED_PERMISSIONS.filter((p) => p.action === action).map((p) => p.purpose)),
  ],
}));

/** The actions preflight simulates. */
export const REQUIRED_ACTIONS: readonly string[] = REQUIRED_ACTION_LIST.map((a) => a.action);
