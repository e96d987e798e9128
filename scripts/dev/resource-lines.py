#!/usr/bin/env python3
"""Lines of Java per resource (entity, view, input, service, REST class), at one or more commits.

Counts code as cloc does, and leaves out imports and the package line: neither blank lines nor
comments. Usage, from the repository root: python3 scripts/dev/resource-lines.py 475e8cd HEAD
"""
import os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
def files(rev):
    out=subprocess.run(['git','ls-tree','-r','--name-only',rev,'src/main/java'],capture_output=True,text=True,cwd=ROOT).stdout.split()
    return {p.rsplit('/',1)[-1]:p for p in out}
def loc(rev,path):
    s=subprocess.run(['git','show',f'{rev}:{path}'],capture_output=True,text=True,cwd=ROOT).stdout
    s=re.sub(r'/\*.*?\*/','',s,flags=re.S)
    n=0
    for l in s.split('\n'):
        t=l.strip()
        if not t or t.startswith('//') or t.startswith('import ') or t.startswith('package '): continue
        n+=1
    return n
res={'customer':['Customer','CustomerView','CustomerInput','CustomerService','CustomerResource'],
'contact':['Contact','ContactView','ContactInput','ContactService','ContactResource'],
'department':['Department','DepartmentView','DepartmentInput','DepartmentService','DepartmentResource'],
'employee':['Employee','EmployeeView','EmployeeInput','EmployeeService','EmployeeResource'],
'lead':['Lead','LeadView','LeadInput','LeadService','LeadResource'],
'pipeline':['Pipeline','PipelineView','PipelineInput','PipelineService','PipelineResource'],
'opportunity':['Opportunity','OpportunityView','OpportunityInput','OpportunityService','OpportunityResource'],
'quote':['Quote','QuoteView','QuoteInput','QuoteService','QuoteResource'],
'contract':['Contract','ContractView','ContractInput','ContractService','ContractResource'],
'sales order':['SalesOrder','SalesOrderView','SalesOrderInput','SalesOrderService','SalesOrderResource'],
'payment plan':['PaymentPlan','PaymentPlanView','PaymentPlanInput','PaymentPlanService','PaymentPlanResource'],
'payment':['Payment','PaymentView','PaymentInput','PaymentService','PaymentResource'],
'commission':['Commission','CommissionView','CommissionInput','CommissionService','CommissionResource'],
'commission rule':['CommissionRule','CommissionRuleView','CommissionRuleInput','CommissionRuleService','CommissionRuleResource'],
'sales target':['SalesTarget','SalesTargetView','SalesTargetInput','SalesTargetService','SalesTargetResource'],
'product':['Product','ProductView','ProductInput','ProductService','ProductResource'],
'product category':['ProductCategory','ProductCategoryView','ProductCategoryInput','ProductCategoryService','ProductCategoryResource'],
'approval flow':['ApprovalFlow','ApprovalFlowView','ApprovalFlowInput','ApprovalFlowService','ApprovalFlowResource'],
'custom field':['CustomFieldDefinition','CustomFieldView','CustomFieldInput','CustomFieldService','CustomFieldResource'],
}
revs=sys.argv[1:]
fs={r:files(r) for r in revs}
print('| resource | '+' | '.join(revs)+' |')
for name,classes in res.items():
    row=[]
    for r in revs:
        tot=0; miss=[]
        for c in classes:
            p=fs[r].get(c+'.java')
            if p: tot+=loc(r,p)
            else: miss.append(c)
        row.append(str(tot)+('' if not miss else ' (no '+','.join(miss)+')'))
    print(f'| {name} | '+' | '.join(row)+' |')
for r in revs:
    g=[p for n,p in fs[r].items() if n.endswith('GraphQlApi.java')]
    print(r,'GraphQL API classes:',len(g),'lines',sum(loc(r,p) for p in g))
    d=[p for n,p in fs[r].items() if n.endswith('Resources.java')]
    print(r,'*Resources declarations:',len(d),'lines',sum(loc(r,p) for p in d))
