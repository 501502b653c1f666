#include "domain/account/roles.hpp"

#include <algorithm>
#include <map>

#include "domain/dictionary/dictionary.hpp"

namespace lianyin::domain::account {
namespace {

// Each role's default permissions; its name is the data dictionary's label ("role").
const std::map<std::string, std::vector<std::string>, std::less<>>& Table() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {"admin", {"*"}},
      {"sys_admin",
       {"system:region:list", "system:setting:edit", "system:unit:create", "system:unit:delete",
        "system:unit:edit", "system:unit:list", "system:user:create", "system:user:edit",
        "system:user:list", "system:worker:list"}},
      {"security_admin",
       {"system:login-log:list", "system:region:list", "system:role:edit", "system:role:list",
        "system:session:delete", "system:session:list", "system:setting:edit"}},
      {"audit_admin", {"system:audit:list", "system:region:list"}},
      {"union_officer",
       {"credit:entry:list",
        "event:checkin:create",
        "event:checkin:list",
        "event:event:edit",
        "event:event:list",
        "event:signup:create",
        "event:signup:list",
        "match:demand:edit",
        "match:demand:list",
        "match:match:progress",
        "match:match:rate",
        "match:resource:list",
        "match:run:create",
        "match:run:list",
        "mechanism:meeting:edit",
        "mechanism:meeting:list",
        "mechanism:task:list",
        "mechanism:task:progress",
        "mechanism:template:edit",
        "mechanism:template:list",
        "org:link:edit",
        "org:link:list",
        "org:org:list",
        "project:document:create",
        "project:output:create",
        "project:project:create",
        "project:project:edit",
        "project:project:list",
        "project:project:transition",
        "project:selection:list",
        "project:selection:manage",
        "project:selection:nominate",
        "system:region:list",
        "system:unit:list",
        "system:user:list",
        "system:worker:delete",
        "system:worker:edit",
        "system:worker:import",
        "system:worker:list",
        "team:team:edit",
        "team:team:list",
        "venue:booking:create",
        "venue:booking:list",
        "venue:booking:review",
        "venue:venue:edit",
        "venue:venue:list"}},
      {"civil_affairs_officer",
       {"annual:penalty:edit",
        "annual:penalty:list",
        "annual:report:list",
        "annual:report:review",
        "annual:report:submit",
        "credit:entry:edit",
        "credit:entry:list",
        "evaluation:evaluation:list",
        "evaluation:evaluation:manage",
        "evaluation:template:edit",
        "evaluation:template:list",
        "event:event:list",
        "inspection:conflict:edit",
        "inspection:conflict:list",
        "inspection:plan:edit",
        "inspection:plan:list",
        "match:resource:list",
        "mechanism:meeting:edit",
        "mechanism:meeting:list",
        "mechanism:task:list",
        "mechanism:task:progress",
        "mechanism:template:edit",
        "mechanism:template:list",
        "org:org:create",
        "org:org:edit",
        "org:org:list",
        "org:org:review",
        "org:org:transition",
        "system:region:list",
        "system:unit:list",
        "system:user:list",
        "team:team:edit",
        "team:team:list",
        "venue:venue:list"}},
      {"inspector",
       {"annual:penalty:list", "annual:report:list", "credit:entry:list", "event:event:list",
        "inspection:conflict:edit", "inspection:conflict:list", "inspection:result:edit",
        "match:resource:list", "org:org:list", "project:project:list", "system:region:list",
        "venue:venue:list"}},
      {"expert",
       {"evaluation:evaluation:list", "evaluation:evaluation:score", "event:event:list",
        "match:resource:list", "org:org:list", "project:selection:list", "project:selection:score",
        "system:region:list", "venue:venue:list"}},
      {"org_member",
       {"annual:penalty:list",
        "annual:report:list",
        "annual:report:submit",
        "credit:entry:list",
        "credit:objection:create",
        "event:checkin:create",
        "event:checkin:list",
        "event:event:edit",
        "event:event:list",
        "event:signup:list",
        "match:match:progress",
        "match:resource:edit",
        "match:resource:list",
        "match:run:list",
        "mechanism:task:list",
        "mechanism:task:progress",
        "org:org:edit",
        "org:org:list",
        "project:document:create",
        "project:output:create",
        "project:project:list",
        "system:region:list",
        "team:team:list",
        "venue:booking:create",
        "venue:booking:list",
        "venue:venue:list"}},
      {"worker",
       {"event:checkin:create", "event:event:list", "event:signup:create", "match:demand:edit",
        "match:demand:list", "match:resource:list", "venue:venue:list"}},
  };
  return table;
}

}  // namespace

const std::vector<Permission>& PermissionCatalogue() {
  static const std::vector<Permission> catalogue = {
      {"annual:penalty:edit", "annual", "登记行政处罚"},
      {"annual:penalty:list", "annual", "查看行政处罚"},
      {"annual:report:list", "annual", "查看年度报告（年检）"},
      {"annual:report:review", "annual", "审核年度报告（通过、基本合格、不合格、退回）"},
      {"annual:report:submit", "annual", "报送和修改年度报告"},
      {"credit:entry:edit", "credit", "管理信用名单（列入、移出、答复异议）"},
      {"credit:entry:list", "credit", "查看信用名单"},
      {"credit:objection:create", "credit", "对信用名单提出异议"},
      {"evaluation:evaluation:list", "evaluation", "查看等级评估"},
      {"evaluation:evaluation:manage", "evaluation", "组织等级评估（指派专家、确定等级）"},
      {"evaluation:evaluation:score", "evaluation", "等级评估专家评分"},
      {"evaluation:template:edit", "evaluation", "管理评估指标体系"},
      {"evaluation:template:list", "evaluation", "查看评估指标体系"},
      {"event:checkin:create", "event", "活动签到（本人扫码或工作人员登记）"},
      {"event:checkin:list", "event", "查看活动签到名单"},
      {"event:event:edit", "event", "管理活动（新建、修改、发布、取消、签到码）"},
      {"event:event:list", "event", "查看活动"},
      {"event:signup:create", "event", "活动报名（含取消报名）"},
      {"event:signup:list", "event", "查看活动报名名单"},
      {"inspection:conflict:edit", "inspection", "申报回避（利益冲突）"},
      {"inspection:conflict:list", "inspection", "查看回避申报"},
      {"inspection:plan:edit", "inspection", "制定双随机抽查计划、抽取与公示"},
      {"inspection:plan:list", "inspection", "查看双随机抽查计划"},
      {"inspection:result:edit", "inspection", "登记抽查结果"},
      {"match:demand:edit", "match", "发布和管理需求清单"},
      {"match:demand:list", "match", "查看需求清单"},
      {"match:match:progress", "match", "推进对接服务（开始、完成）"},
      {"match:match:rate", "match", "评价对接服务"},
      {"match:resource:edit", "match", "发布和管理资源清单"},
      {"match:resource:list", "match", "查看资源清单"},
      {"match:run:create", "match", "运行供需匹配并确认方案"},
      {"match:run:list", "match", "查看匹配方案与对接"},
      {"mechanism:meeting:edit", "mechanism", "管理工作会议（新建、修改、纪要、议定事项）"},
      {"mechanism:meeting:list", "mechanism", "查看工作会议与工作日历"},
      {"mechanism:task:list", "mechanism", "查看督办事项"},
      {"mechanism:task:progress", "mechanism", "报告督办事项办理进展"},
      {"mechanism:template:edit", "mechanism", "管理工作机制模板"},
      {"mechanism:template:list", "mechanism", "查看工作机制模板"},
      {"org:link:edit", "org", "联系引导社会组织"},
      {"org:link:list", "org", "查看联系引导"},
      {"org:org:create", "org", "新增社会组织（登记）"},
      {"org:org:edit", "org", "修改社会组织"},
      {"org:org:list", "org", "查看社会组织"},
      {"org:org:review", "org", "登记审查"},
      {"org:org:transition", "org", "变更登记状态"},
      {"project:document:create", "project", "上传项目附件"},
      {"project:output:create", "project", "填报服务成效"},
      {"project:project:create", "project", "新建购买服务项目"},
      {"project:project:edit", "project", "修改项目（含里程碑、付款计划）"},
      {"project:project:list", "project", "查看购买服务项目"},
      {"project:project:transition", "project", "变更项目状态"},
      {"project:selection:list", "project", "查看优秀项目评选"},
      {"project:selection:manage", "project", "组织优秀项目评选（配额、专家、发布、选编）"},
      {"project:selection:nominate", "project", "推荐优秀项目"},
      {"project:selection:score", "project", "评审打分"},
      {"system:audit:list", "system", "查看审计日志"},
      {"system:login-log:list", "system", "查看登录日志"},
      {"system:region:list", "system", "查看行政区划"},
      {"system:role:edit", "system", "修改角色权限"},
      {"system:role:list", "system", "查看角色"},
      {"system:session:delete", "system", "强制下线"},
      {"system:session:list", "system", "查看在线用户"},
      {"system:setting:edit", "system", "修改系统设置"},
      {"system:unit:create", "system", "新增单位"},
      {"system:unit:delete", "system", "删除单位"},
      {"system:unit:edit", "system", "修改单位"},
      {"system:unit:list", "system", "查看单位"},
      {"system:user:create", "system", "新增用户"},
      {"system:user:edit", "system", "修改用户"},
      {"system:user:list", "system", "查看用户"},
      {"system:worker:delete", "system", "删除职工个人信息（个人信息保护）"},
      {"system:worker:edit", "system", "登记和修改职工"},
      {"system:worker:import", "system", "导入职工名册"},
      {"system:worker:list", "system", "查看职工"},
      {"team:team:edit", "team", "管理乡村振兴合力团（成员、计划、帮扶项目、消费帮扶）"},
      {"team:team:list", "team", "查看乡村振兴合力团"},
      {"venue:booking:create", "venue", "预约场地（含取消预约）"},
      {"venue:booking:list", "venue", "查看场地预约"},
      {"venue:booking:review", "venue", "审核场地预约"},
      {"venue:venue:edit", "venue", "管理场地（新增、修改、关闭）"},
      {"venue:venue:list", "venue", "查看场地"},
  };
  return catalogue;
}

bool IsKnownPermission(std::string_view code) {
  const auto& all = PermissionCatalogue();
  return std::any_of(all.begin(), all.end(), [&](const Permission& p) { return p.code == code; });
}

const std::vector<std::string>& KnownRoles() {
  static const std::vector<std::string> roles = [] {
    std::vector<std::string> out;
    for (const auto& entry : Table()) out.push_back(entry.first);
    return out;
  }();
  return roles;
}

bool IsKnownRole(std::string_view role) { return Table().contains(role); }

std::string RoleName(std::string_view role) {
  if (!IsKnownRole(role)) return {};
  const dictionary::Entry* entry = dictionary::FindEntry(*dictionary::Find("role"), role);
  return entry ? std::string(entry->label) : std::string();
}

std::vector<std::string> DefaultPermissions(std::string_view role) {
  auto it = Table().find(role);
  return it == Table().end() ? std::vector<std::string>{} : it->second;
}

}  // namespace lianyin::domain::account
