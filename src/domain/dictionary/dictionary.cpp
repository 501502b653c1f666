#include "domain/dictionary/dictionary.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::dictionary {
namespace {

constexpr Entry kOrgTypes[] = {
    {"social_group", "社会团体", "Social group"},
    {"social_service", "社会服务机构（民办非企业单位）", "Social service agency"},
    {"foundation", "基金会", "Foundation"},
    {"other", "其他", "Other"},
};

constexpr Entry kOrgStatuses[] = {
    {"applying", "申请登记", "Applying"},         {"registered", "登记", "Registered"},
    {"rejected", "不予登记", "Rejected"},         {"abnormal", "异常", "Abnormal"},
    {"deregistering", "注销中", "Deregistering"}, {"deregistered", "已注销", "Deregistered"},
};

constexpr Entry kServiceCategories[] = {
    {"skills", "劳动竞赛和技能提升类", "Labour competitions and skills"},
    {"health", "职工健康服务类", "Worker health"},
    {"children", "职工子女服务类", "Workers' children"},
    {"culture_sports", "职工文体服务类", "Culture and sports"},
    {"stations", "站点平台服务类", "Service stations and platforms"},
    {"new_employment", "新就业形态劳动者服务类", "New forms of employment"},
    {"common_prosperity", "助力共同富裕服务类", "Common prosperity"},
    {"volunteer", "公益志愿服务类", "Public-benefit volunteering"},
};

constexpr Entry kGrades[] = {
    {"5A", "5A", "5A"}, {"4A", "4A", "4A"}, {"3A", "3A", "3A"},
    {"2A", "2A", "2A"}, {"1A", "1A", "1A"},
};

constexpr Entry kYesNo[] = {
    {"true", "是", "Yes"},
    {"false", "否", "No"},
};

constexpr Entry kUnitKinds[] = {
    {"union", "工会", "Trade union"},
    {"civil_affairs", "民政部门", "Civil affairs"},
    {"other", "其他", "Other"},
};

constexpr Entry kRoles[] = {
    {"admin", "系统管理员", "Administrator"},
    {"sys_admin", "系统管理员（三权分立）", "System administrator"},
    {"security_admin", "安全管理员", "Security administrator"},
    {"audit_admin", "审计管理员", "Audit administrator"},
    {"union_officer", "工会工作人员", "Union officer"},
    {"civil_affairs_officer", "民政部门工作人员", "Civil-affairs officer"},
    {"inspector", "检查人员", "Inspector"},
    {"expert", "评审专家", "Expert reviewer"},
    {"org_member", "社会组织用户", "Organisation member"},
    {"worker", "职工", "Worker"},
};

constexpr Entry kAuditActions[] = {
    {"create", "新增", "Create"},
    {"update", "修改", "Update"},
    {"delete", "删除", "Delete"},
    {"move", "调整上级", "Move"},
    {"transition", "状态变更", "Status change"},
    {"review", "登记审查", "Review"},
    {"import", "导入", "Import"},
    {"link", "建立联系", "Link"},
    {"unlink", "解除联系", "Unlink"},
    {"remove", "移出名单", "Remove from list"},
    {"answer", "答复", "Answer"},
    {"reverse", "冲销更正", "Reverse"},
    {"assign", "分配专家", "Assign experts"},
    {"score", "评分", "Score"},
    {"accept", "确认对接", "Accept"},
    {"reject", "拒绝", "Reject"},
    {"approve", "批准", "Approve"},
    {"cancel", "取消", "Cancel"},
    {"promote", "候补转正", "Promote from the waiting list"},
    {"start", "开始服务", "Start service"},
    {"complete", "完成服务", "Complete service"},
    {"withdraw", "撤回对接", "Withdraw"},
    {"rate", "服务评价", "Rate"},
    {"make_project", "生成项目", "Make a project"},
    {"make_event", "生成活动", "Make an event"},
    {"login", "登录", "Log in"},
    {"logout", "退出登录", "Log out"},
    {"end_session", "强制下线", "End session"},
    {"change_password", "修改密码", "Change password"},
    {"reset_password", "重置密码", "Reset password"},
    {"enable_totp", "启用双因素认证", "Enable two-factor"},
    {"disable_totp", "停用双因素认证", "Disable two-factor"},
    {"denied", "越权访问被拒绝", "Access denied"},
    {"prune", "清理过期日志", "Prune"},
    {"activate", "激活账号", "Activate account"},
    {"submit", "报送", "Submit"},
    {"return", "退回修改", "Return for correction"},
    {"credit_rule", "信用规则自动列入", "Entered by a dated credit rule"},
    // grade evaluations (domain/evaluation)
    {"finalize", "确定评估等级", "Finalise"},
    {"grade", "评估定级", "Grade"},
    {"draw", "双随机抽取", "Draw"},
    {"publish", "公示", "Publish"},
    {"record_result", "登记检查结果", "Record a result"},
    // the work mechanism (domain/mechanism)
    {"record_minutes", "记录会议纪要", "Record the minutes"},
    {"progress", "报告办理进展", "Report progress"},
};

// Records, then the API areas that refused requests name (a denied entry's entity is its
// route's area).
constexpr Entry kAuditEntities[] = {
    {"org", "社会组织", "Organisation"},
    {"unit", "单位", "Unit"},
    {"user", "用户", "User"},
    {"role", "角色", "Role"},
    {"session", "会话", "Session"},
    {"setting", "系统设置", "Setting"},
    {"region", "行政区划", "Region"},
    {"org_link", "联系引导", "Organisation link"},
    {"credit_entry", "信用名单记录", "Credit list entry"},
    {"credit_objection", "信用异议", "Credit objection"},
    {"project", "购买服务项目", "Service project"},
    {"project_output", "服务成效记录", "Project output"},
    {"project_milestone", "项目里程碑", "Project milestone"},
    {"project_payment", "项目付款计划", "Project payment"},
    {"project_document", "项目附件", "Project document"},
    {"selection_round", "优秀项目评选", "Selection round"},
    {"selection_nomination", "推荐项目", "Nomination"},
    {"selection_assignment", "评审分配", "Expert assignment"},
    {"booklet_job", "选编生成任务", "Booklet job"},
    {"demand", "需求清单", "Demand"},
    {"resource", "资源清单", "Resource"},
    {"matching_run", "匹配方案", "Matching run"},
    {"match", "对接记录", "Match"},
    {"venue", "场地", "Venue"},
    {"booking", "场地预约", "Booking"},
    {"worker", "职工", "Worker"},
    {"event", "活动", "Event"},
    {"event_signup", "活动报名", "Event sign-up"},
    {"event_checkin", "活动签到", "Event check-in"},
    {"venue_photo", "场地照片", "Venue photo"},
    {"annual_report", "年度报告", "Annual report"},
    {"penalty", "行政处罚", "Penalty"},
    {"evaluation_template", "评估指标体系", "Evaluation template"},
    {"evaluation", "等级评估", "Grade evaluation"},
    {"inspection_plan", "双随机抽查计划", "Inspection plan"},
    {"inspection_result", "抽查结果", "Inspection result"},
    {"user_conflict", "回避申报", "Conflict declaration"},
    {"team", "乡村振兴合力团", "Rural-revitalisation team"},
    {"team_plan", "合力团年度计划", "Team plan"},
    {"help_project", "帮扶项目", "Help project"},
    {"team_consumption", "消费帮扶记录", "Consumption assistance"},
    {"meeting", "工作会议", "Meeting"},
    {"supervised_task", "督办事项", "Supervised task"},
    {"mechanism_template", "工作机制模板", "Work-mechanism template"},
    {"mechanism_occurrence", "工作机制按期生成", "Template occurrence"},
    {"audit", "审计日志", "Audit log"},
    {"auth", "登录与账号", "Sign-in and account"},
    {"orgs", "社会组织管理", "Organisation registry"},
    {"credit", "信用名单管理", "Credit lists"},
    {"projects", "购买服务项目管理", "Service projects"},
    {"selection", "优秀项目评选管理", "Excellent-project selection"},
    {"matching", "供需对接管理", "Demand and resource matching"},
    {"venues", "场地预约管理", "Venues and bookings"},
    {"inspections", "双随机抽查管理", "Double-random inspections"},
    {"workers", "职工管理", "Workers"},
    {"events", "活动管理", "Events"},
    {"annual", "年检与行政处罚", "Annual reports and penalties"},
    {"mechanism", "工作机制管理", "Work mechanism"},
    {"evaluations", "等级评估管理", "Grade evaluations"},
    {"teams", "乡村振兴合力团管理", "Rural-revitalisation teams"},
    {"units", "单位管理", "Units"},
    {"users", "用户管理", "Users"},
    {"roles", "角色管理", "Roles"},
    {"security", "安全管理", "Security"},
    {"regions", "行政区划管理", "Regions"},
    {"system", "系统", "System"},
    {"dictionaries", "数据字典", "Data dictionary"},
    {"public", "公开信息", "Public disclosure"},
};

constexpr Entry kAuditOutcomes[] = {
    {"success", "成功", "Success"},
    {"failure", "失败", "Failure"},
    {"denied", "拒绝", "Denied"},
};

constexpr Entry kLoginOutcomes[] = {
    {"success", "成功", "Success"},
    {"failure", "失败", "Failure"},
    {"locked", "已锁定", "Locked"},
    {"rate_limited", "频率超限", "Rate limited"},
};

constexpr Entry kCreditLists[] = {
    {"abnormal", "活动异常名录", "Abnormal list"},
    {"dishonest", "严重违法失信名单", "Dishonest list"},
};

constexpr Entry kCreditObjectionStatuses[] = {
    {"open", "待答复", "Awaiting an answer"},
    {"accepted", "异议成立（已移出）", "Accepted (removed)"},
    {"rejected", "异议不成立", "Rejected"},
};

constexpr Entry kAnnualReportStatuses[] = {
    {"submitted", "待审核", "Awaiting review"},
    {"returned", "已退回", "Returned for correction"},
    {"reviewed", "已审核", "Reviewed"},
};

constexpr Entry kAnnualReportResults[] = {
    {"pass", "通过", "Pass"},
    {"basic_pass", "基本合格", "Basic pass"},
    {"fail", "不合格", "Fail"},
};

constexpr Entry kPenaltyKinds[] = {
    {"warning", "警告", "Warning"},
    {"fine", "罚款", "Fine"},
    {"confiscation", "没收违法所得、非法财物", "Confiscation"},
    {"suspension", "限期停止活动", "Suspension of activities"},
    {"revocation", "撤销登记", "Revocation of registration"},
};

constexpr Entry kInspectionStatuses[] = {
    {"planned", "待抽取", "Planned"},
    {"drawn", "已抽取", "Drawn"},
    {"published", "已公示", "Published"},
};

// 双随机抽查结果 as published (通过登记的住所无法联系 is the usual wording for an organisation
// not found at its registered address).
constexpr Entry kInspectionResults[] = {
    {"no_issue", "未发现问题", "No issue found"},
    {"rectify", "责令整改", "Ordered to rectify"},
    {"case_opened", "立案查处", "Case opened"},
    {"unreachable", "通过登记的住所无法联系", "Not reachable at the registered address"},
};

constexpr Entry kProjectStatuses[] = {
    {"draft", "草稿", "Draft"},
    {"published", "已发布", "Published"},
    {"contracted", "已签约", "Contracted"},
    {"in_progress", "实施中", "In progress"},
    {"accepted", "已验收", "Accepted"},
    {"closed", "已结项", "Closed"},
    {"cancelled", "已取消", "Cancelled"},
};

constexpr Entry kProjectModes[] = {
    {"purchase", "购买服务", "Purchase"},
    {"cooperation", "合作共建", "Cooperation"},
};

constexpr Entry kTargetGroups[] = {
    {"new_employment_workers", "新就业形态劳动者", "New-employment workers"},
    {"sanitation_workers", "环卫职工", "Sanitation workers"},
    {"model_workers", "劳模工匠", "Model workers and craftsmen"},
    {"needy_workers", "困难职工", "Workers in hardship"},
    {"workers_children", "职工子女", "Workers' children"},
    {"migrant_workers", "农民工", "Migrant workers"},
    {"women_workers", "女职工", "Women workers"},
    {"frontline_workers", "一线职工", "Front-line workers"},
    {"young_workers", "青年职工", "Young workers"},
    {"retired_workers", "退休职工", "Retired workers"},
};

constexpr Entry kProjectDocumentKinds[] = {
    {"call", "征集公告", "Call for proposals"},
    {"contract", "合同", "Contract"},
    {"acceptance", "验收报告", "Acceptance report"},
    {"other", "其他", "Other"},
};

constexpr Entry kSelectionStatuses[] = {
    {"draft", "草稿", "Draft"},
    {"nominating", "推荐中", "Taking nominations"},
    {"scoring", "评审中", "Being scored"},
    {"published", "已发布", "Published"},
};

constexpr Entry kListingStatuses[] = {
    {"open", "待对接", "Open"},           {"partly_matched", "部分对接", "Partly matched"},
    {"matched", "已对接", "Matched"},     {"closed", "已关闭", "Closed"},
    {"withdrawn", "已撤回", "Withdrawn"},
};

constexpr Entry kMatchStatuses[] = {
    {"proposed", "待确认", "Proposed"},   {"accepted", "已确认", "Accepted"},
    {"rejected", "已拒绝", "Rejected"},   {"in_service", "服务中", "In service"},
    {"done", "已完成", "Done"},           {"rated", "已评价", "Rated"},
    {"withdrawn", "已撤回", "Withdrawn"},
};

constexpr Entry kUnmatchedReasons[] = {
    {"no_compatible_resource", "无同类且覆盖该地区的资源",
     "No resource of the category covers the region"},
    {"window", "时间窗口不重叠", "No window overlaps"},
    {"capacity_exhausted", "可用名额已用尽", "Capacity exhausted"},
};

constexpr Entry kVenueStatuses[] = {
    {"active", "开放", "Open for bookings"},
    {"closed", "已关闭", "Closed"},
};

constexpr Entry kBookingStatuses[] = {
    {"pending", "待审核", "Pending"},
    {"approved", "已批准", "Approved"},
    {"rejected", "已驳回", "Rejected"},
    {"cancelled", "已取消", "Cancelled"},
};

// The groups a worker belongs to (职工群体), for targeting events and services.
// The target groups a worker can belong to (all but 职工子女), with their codes and labels: one
// vocabulary for projects, demands, events and the roster, so "is this worker in the event's
// target groups" is an equality of codes.
constexpr Entry kWorkerGroups[] = {
    {"new_employment_workers", "新就业形态劳动者", "New-employment workers"},
    {"sanitation_workers", "环卫职工", "Sanitation workers"},
    {"model_workers", "劳模工匠", "Model workers and craftsmen"},
    {"needy_workers", "困难职工", "Workers in hardship"},
    {"migrant_workers", "农民工", "Migrant workers"},
    {"women_workers", "女职工", "Women workers"},
    {"frontline_workers", "一线职工", "Front-line workers"},
    {"young_workers", "青年职工", "Young workers"},
    {"retired_workers", "退休职工", "Retired workers"},
};

constexpr Entry kEventStatuses[] = {
    {"draft", "草稿", "Draft"},
    {"published", "已发布", "Published"},
    {"cancelled", "已取消", "Cancelled"},
    {"ended", "已结束", "Ended"},
};

constexpr Entry kSignupStatuses[] = {
    {"confirmed", "已报名", "Signed up"},
    {"waitlisted", "候补", "On the waiting list"},
};

constexpr Entry kCheckinMethods[] = {
    {"token", "扫码签到", "Scanned the QR code"},
    {"code", "签到码签到", "Entered the code"},
    {"officer", "工作人员登记", "Recorded by staff"},
};

constexpr Entry kEvaluationStatuses[] = {
    {"scoring", "评分中", "Being scored"},
    {"finalized", "已定级", "Finalised"},
};

// Rural-revitalisation teams (domain/team): the five domains and the two kinds of consumption
// assistance.
constexpr Entry kTeamDomains[] = {
    {"industry", "产业振兴", "Industry"}, {"organization", "组织振兴", "Organisation"},
    {"talent", "人才振兴", "Talent"},     {"consumption", "消费帮扶", "Consumption assistance"},
    {"charity", "公益慈善", "Charity"},
};

constexpr Entry kConsumptionKinds[] = {
    {"direct_purchase", "直接采购", "Bought directly"},
    {"sales_helped", "帮助销售", "Sales helped"},
};

constexpr Entry kMeetingKinds[] = {
    {"consultation", "定期会商", "Regular consultation"},
    {"dispatch", "季度调度", "Quarterly dispatch"},
    {"half_year_summary", "半年小结", "Half-year summary"},
    {"year_end_summary", "年终总结", "Year-end summary"},
    {"joint_meeting", "联席会议", "Joint meeting"},
    {"other", "其他会议", "Other meeting"},
};

// What a supervised task's display_status may be: its status, or overdue when past its deadline.
constexpr Entry kSupervisedTaskStatuses[] = {
    {"open", "待办理", "Open"},
    {"in_progress", "办理中", "In progress"},
    {"done", "已办结", "Done"},
    {"overdue", "已逾期", "Overdue"},
};

constexpr Entry kMechanismTemplateKinds[] = {
    {"meeting", "工作会议", "Meeting"},
    {"report_task", "报送任务", "Report task"},
};

constexpr Entry kMechanismRecurrences[] = {
    {"monthly", "每月", "Monthly"},
    {"quarterly", "每季度", "Quarterly"},
    {"half_yearly", "每半年", "Half-yearly"},
    {"yearly", "每年", "Yearly"},
};

constexpr std::array kDictionaries = {
    Dictionary{"org_type", "组织类型", "Organisation type", kOrgTypes},
    Dictionary{"org_status", "登记状态", "Registration status", kOrgStatuses},
    Dictionary{"service_category", "服务类别", "Service category", kServiceCategories},
    Dictionary{"grade", "评估等级", "Evaluation grade", kGrades},
    Dictionary{"yes_no", "是否", "Yes or no", kYesNo},
    Dictionary{"unit_kind", "单位类型", "Unit kind", kUnitKinds},
    Dictionary{"role", "角色", "Role", kRoles},
    Dictionary{"audit_action", "操作", "Action", kAuditActions},
    Dictionary{"audit_entity", "对象类型", "Record kind", kAuditEntities},
    Dictionary{"audit_outcome", "审计结果", "Audit outcome", kAuditOutcomes},
    Dictionary{"login_outcome", "登录结果", "Login outcome", kLoginOutcomes},
    Dictionary{"credit_list", "信用名单", "Credit list", kCreditLists},
    Dictionary{"credit_objection_status", "异议状态", "Objection status", kCreditObjectionStatuses},
    Dictionary{"project_status", "项目状态", "Project status", kProjectStatuses},
    Dictionary{"project_mode", "实施方式", "Project mode", kProjectModes},
    Dictionary{"target_group", "服务对象", "Target group", kTargetGroups},
    Dictionary{"project_document_kind", "附件类型", "Document kind", kProjectDocumentKinds},
    Dictionary{"selection_status", "评选状态", "Selection status", kSelectionStatuses},
    Dictionary{"listing_status", "对接状态", "Listing status", kListingStatuses},
    Dictionary{"match_status", "对接进度", "Match status", kMatchStatuses},
    Dictionary{"unmatched_reason", "未对接原因", "Why unmatched", kUnmatchedReasons},
    Dictionary{"venue_status", "场地状态", "Venue status", kVenueStatuses},
    Dictionary{"booking_status", "预约状态", "Booking status", kBookingStatuses},
    Dictionary{"worker_group", "职工群体", "Worker group", kWorkerGroups},
    Dictionary{"event_status", "活动状态", "Event status", kEventStatuses},
    Dictionary{"evaluation_status", "评估状态", "Evaluation status", kEvaluationStatuses},
    Dictionary{"signup_status", "报名状态", "Sign-up status", kSignupStatuses},
    Dictionary{"checkin_method", "签到方式", "Check-in method", kCheckinMethods},
    Dictionary{"annual_report_status", "年报状态", "Annual report status", kAnnualReportStatuses},
    Dictionary{"annual_report_result", "年检结论", "Annual report result", kAnnualReportResults},
    Dictionary{"penalty_kind", "处罚种类", "Penalty kind", kPenaltyKinds},
    Dictionary{"inspection_status", "抽查计划状态", "Inspection plan status", kInspectionStatuses},
    Dictionary{"inspection_result", "抽查结果", "Inspection result", kInspectionResults},
    Dictionary{"team_domain", "帮扶领域", "Team domain", kTeamDomains},
    Dictionary{"consumption_kind", "消费帮扶方式", "Consumption kind", kConsumptionKinds},
    Dictionary{"meeting_kind", "会议类型", "Meeting kind", kMeetingKinds},
    Dictionary{"supervised_task_status", "督办状态", "Supervised task status",
               kSupervisedTaskStatuses},
    Dictionary{"mechanism_template_kind", "模板类型", "Template kind", kMechanismTemplateKinds},
    Dictionary{"mechanism_recurrence", "周期", "Recurrence", kMechanismRecurrences},
};

std::string_view Trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::span<const Dictionary> All() { return kDictionaries; }

const Dictionary* Find(std::string_view name) {
  for (const Dictionary& d : kDictionaries) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

const Entry* FindEntry(const Dictionary& dictionary, std::string_view code) {
  for (const Entry& e : dictionary.entries) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

std::optional<std::string_view> CodeOf(const Dictionary& dictionary, std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  for (const Entry& e : dictionary.entries) {
    if (e.code == text || e.label == text) return e.code;
  }
  for (const Entry& e : dictionary.entries) {
    if (EqualsIgnoringAsciiCase(e.code, text) || EqualsIgnoringAsciiCase(e.label_en, text)) {
      return e.code;
    }
  }
  return std::nullopt;
}

}  // namespace lianyin::domain::dictionary
