#!/usr/bin/env python3
"""Writes bpmn/ExternalAssessment.bpmn and bpmn/ExternalAssessmentSchool.bpmn with their diagrams
(ONESQA round-5 coordination, module th.qaflow.external). Kept as a script so the layout stays tidy;
ids must match th.qaflow.external.ExternalAssessmentProcess / ExternalAssessmentSchoolProcess."""
import os

W, H = 120, 80
EV, GW = 36, 50

GROUPS = {
    "officer": "district-${districtCode}-qa-officer",
    "supdir": "district-${districtCode}-supervision-director",
    "director": "school-${schoolCode}-director",
    "qa": "school-${schoolCode}-qa",
    "supervisor": "cluster-${clusterCode}-supervisor",
}
DONE = "${externalRecords.taskDone(execution)}"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Model:
    def __init__(self, pid, name, doc):
        self.pid, self.name, self.doc = pid, name, doc
        self.els = []      # dicts: id kind label x y (centre) extra parent
        self.flows = []    # id src tgt label cond route
        self.pos = {}

    def el(self, eid, kind, label, x, y, parent=None, **ex):
        size = {"user": (W, H), "service": (W, H), "call": (W, H), "xor": (GW, GW), "and": (GW, GW)}.get(kind, (EV, EV))
        if kind == "sub":
            size = (ex["w"], ex["h"])
        self.els.append(dict(id=eid, kind=kind, label=label, parent=parent, ex=ex))
        self.pos[eid] = (x - size[0] / 2, y - size[1] / 2, size[0], size[1])

    def flow(self, fid, src, tgt, label=None, cond=None, route=None):
        self.flows.append((fid, src, tgt, label, cond, route))

    def waypoints(self, src, tgt, route):
        sx, sy, sw, sh = self.pos[src]
        tx, ty, tw, th = self.pos[tgt]
        scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
        if route and route[0] in ("below", "above"):
            off = route[1]
            if route[0] == "below":
                y = max(sy + sh, ty + th) + off
                return [(scx, sy + sh), (scx, y), (tcx, y), (tcx, ty + th)]
            y = min(sy, ty) - off
            return [(scx, sy), (scx, y), (tcx, y), (tcx, ty)]
        if route == "down":   # leave at the bottom, enter from the left
            return [(scx, sy + sh), (scx, tcy), (tx, tcy)]
        if route == "up":
            return [(scx, sy), (scx, tcy), (tx, tcy)]
        if route == "vertical":
            return [(scx, sy + sh), (tcx, ty)] if tcy > scy else [(scx, sy), (tcx, ty + th)]
        if route == "left":
            return [(sx, scy), (tx + tw, tcy)]
        if route == "rightdown":  # leave at the right, enter at the top
            return [(sx + sw, scy), (tcx, scy), (tcx, ty)]
        if route == "rightup":
            return [(sx + sw, scy), (tcx, scy), (tcx, ty + th)]
        if abs(scy - tcy) < 1:
            return [(sx + sw, scy), (tx, tcy)]
        mx = (sx + sw + tx) / 2
        return [(sx + sw, scy), (mx, scy), (mx, tcy), (tx, tcy)]

    def xml(self):
        inc, out = {}, {}
        for fid, s, t, *_ in self.flows:
            out.setdefault(s, []).append(fid)
            inc.setdefault(t, []).append(fid)
        o = []
        a = o.append
        a('<?xml version="1.0" encoding="UTF-8"?>')
        a('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
          'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
          'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
          f'id="Definitions_{self.pid}" targetNamespace="https://qaflow.example/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" '
          'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">')
        a(f'  <bpmn:process id="{self.pid}" name="{esc(self.name)}" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="1">')
        a(f'    <bpmn:documentation>{esc(self.doc)}</bpmn:documentation>')
        if self.start_listener:
            a('    <bpmn:extensionElements>')
            a(f'      <camunda:executionListener expression="{esc(self.start_listener)}" event="start" />')
            a('    </bpmn:extensionElements>')
        self._elements(o, None, "    ", inc, out)
        for fid, s, t, label, cond, route in self.flows:
            if self.parent_of(s) is None:
                self._flow(o, "    ", fid, s, t, label, cond)
        a('  </bpmn:process>')
        a(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{self.pid}">')
        a(f'    <bpmndi:BPMNPlane id="BPMNPlane_{self.pid}" bpmnElement="{self.pid}">')
        for e in self.els:
            x, y, w, h = self.pos[e["id"]]
            extra = ' isExpanded="true"' if e["kind"] == "sub" else ''
            extra += ' isMarkerVisible="true"' if e["kind"] == "xor" else ''
            a(f'      <bpmndi:BPMNShape id="{e["id"]}_di" bpmnElement="{e["id"]}"{extra}>')
            a(f'        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" />')
            if e["kind"] in ("start", "end", "timer", "boundary", "xor", "and"):
                a(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x + w / 2 - 50:.0f}" y="{y + h + 5:.0f}" width="100" height="27" />\n        </bpmndi:BPMNLabel>')
            a('      </bpmndi:BPMNShape>')
        for fid, s, t, label, cond, route in self.flows:
            a(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
            pts = self.waypoints(s, t, route)
            for px, py in pts:
                a(f'        <di:waypoint x="{px:.0f}" y="{py:.0f}" />')
            if label:
                lx, ly = pts[1] if len(pts) > 2 else pts[0]
                a(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx + 5:.0f}" y="{ly - 22:.0f}" width="90" height="14" />\n        </bpmndi:BPMNLabel>')
            a('      </bpmndi:BPMNEdge>')
        a('    </bpmndi:BPMNPlane>')
        a('  </bpmndi:BPMNDiagram>')
        a('</bpmn:definitions>')
        return "\n".join(o) + "\n"

    start_listener = None

    def parent_of(self, eid):
        return next(e["parent"] for e in self.els if e["id"] == eid)

    def _flow(self, o, ind, fid, s, t, label, cond):
        name = f' name="{esc(label)}"' if label else ''
        if cond:
            o.append(f'{ind}<bpmn:sequenceFlow id="{fid}"{name} sourceRef="{s}" targetRef="{t}">\n'
                     f'{ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(cond)}</bpmn:conditionExpression>\n'
                     f'{ind}</bpmn:sequenceFlow>')
        else:
            o.append(f'{ind}<bpmn:sequenceFlow id="{fid}"{name} sourceRef="{s}" targetRef="{t}" />')

    def _elements(self, o, parent, ind, inc, out):
        a = o.append
        for e in [e for e in self.els if e["parent"] == parent]:
            eid, kind, label, ex = e["id"], e["kind"], esc(e["label"]), e["ex"]
            ins = "".join(f"\n{ind}  <bpmn:incoming>{f}</bpmn:incoming>" for f in inc.get(eid, []))
            outs = "".join(f"\n{ind}  <bpmn:outgoing>{f}</bpmn:outgoing>" for f in out.get(eid, []))
            if kind == "start":
                a(f'{ind}<bpmn:startEvent id="{eid}" name="{label}">{outs}\n{ind}</bpmn:startEvent>')
            elif kind == "end":
                a(f'{ind}<bpmn:endEvent id="{eid}" name="{label}">{ins}\n{ind}</bpmn:endEvent>')
            elif kind in ("xor", "and"):
                tag = "exclusiveGateway" if kind == "xor" else "parallelGateway"
                a(f'{ind}<bpmn:{tag} id="{eid}" name="{label}">{ins}{outs}\n{ind}</bpmn:{tag}>')
            elif kind == "user":
                listeners = "".join(f'\n{ind}    <camunda:taskListener expression="{esc(l)}" event="create" />' for l in ex.get("create", []))
                a(f'{ind}<bpmn:userTask id="{eid}" name="{label}" camunda:formRef="{ex["form"]}" camunda:formRefBinding="deployment" '
                  f'camunda:candidateGroups="{GROUPS[ex["group"]]}">\n'
                  f'{ind}  <bpmn:extensionElements>\n{ind}    <camunda:properties>\n'
                  f'{ind}      <camunda:property name="stage" value="{ex["stage"]}" />\n'
                  + (f'{ind}      <camunda:property name="due" value="{ex["due"]}" />\n' if "due" in ex else "")
                  + f'{ind}    </camunda:properties>\n'
                  f'{ind}    <camunda:executionListener expression="{esc(DONE)}" event="end" />{listeners}\n'
                  f'{ind}  </bpmn:extensionElements>{ins}{outs}\n{ind}</bpmn:userTask>')
            elif kind == "service":
                a(f'{ind}<bpmn:serviceTask id="{eid}" name="{label}" camunda:expression="{esc(ex["expr"])}">{ins}{outs}\n{ind}</bpmn:serviceTask>')
            elif kind == "boundary":
                a(f'{ind}<bpmn:boundaryEvent id="{eid}" name="{label}" cancelActivity="false" attachedToRef="{ex["on"]}">{outs}\n'
                  f'{ind}  <bpmn:timerEventDefinition id="{eid}_Definition">\n'
                  f'{ind}    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">{esc(ex["date"])}</bpmn:timeDate>\n'
                  f'{ind}  </bpmn:timerEventDefinition>\n{ind}</bpmn:boundaryEvent>')
            elif kind == "call":
                a(f'{ind}<bpmn:callActivity id="{eid}" name="{label}" calledElement="{ex["called"]}">\n'
                  f'{ind}  <bpmn:extensionElements>\n'
                  f'{ind}    <camunda:in businessKey="{esc(ex["businessKey"])}" />\n'
                  + "".join(f'{ind}    <camunda:in source="{v}" target="{v}" />\n' for v in ex["in"]) +
                  f'{ind}  </bpmn:extensionElements>{ins}{outs}\n'
                  f'{ind}  <bpmn:multiInstanceLoopCharacteristics camunda:collection="{ex["collection"]}" camunda:elementVariable="{ex["element"]}" />\n'
                  f'{ind}</bpmn:callActivity>')
            elif kind == "sub":
                a(f'{ind}<bpmn:subProcess id="{eid}" name="{label}">\n'
                  f'{ind}  <bpmn:extensionElements>\n'
                  f'{ind}    <camunda:executionListener expression="{esc(ex["start"])}" event="start" />\n'
                  f'{ind}  </bpmn:extensionElements>{ins}{outs}\n'
                  f'{ind}  <bpmn:multiInstanceLoopCharacteristics camunda:collection="{ex["collection"]}" camunda:elementVariable="{ex["element"]}" />')
                self._elements(o, eid, ind + "  ", inc, out)
                for fid, s, t, flabel, cond, route in self.flows:
                    if self.parent_of(s) == eid:
                        self._flow(o, ind + "  ", fid, s, t, flabel, cond)
                a(f'{ind}</bpmn:subProcess>')


def coordination():
    m = Model("ExternalAssessment", "ประสานการประเมินคุณภาพภายนอก (สมศ. รอบห้า)",
              "One instance per district and academic year (business key {districtCode}-{academicYearBE}): "
              "ONESQA round-5 criteria, readiness of every school, the readiness list for OBEC, the approved "
              "SARs, one ExternalAssessmentSchool per target school, then the district's synthesis and follow-up. "
              "Task due dates come from the district calendar (stage property); per-school state is kept in "
              "the table external_school by the bean externalRecords.")
    y = 200
    m.el("StartEvent_CoordinationStarted", "start", "เริ่มประสานงาน สมศ.", 150, y)
    m.el("Task_PublishCriteria", "user", "เผยแพร่เกณฑ์การประเมินของ สมศ.", 280, y,
         group="officer", stage="ONESQA_CRITERIA", form="OnesqaPublishCriteria")
    # readiness: one inner instance per school of the district
    m.el("SubProcess_Readiness", "sub", "ความพร้อมของสถานศึกษา (ทุกโรงเรียน)", 720, y + 60, w=640, h=340,
         collection="${schoolCodes}", element="schoolCode", start="${externalRecords.readinessStarted(execution)}")
    sp = "SubProcess_Readiness"
    m.el("StartEvent_ReadinessStarted", "start", "", 440, y, parent=sp)
    m.el("Task_DeclareReadiness", "user", "สถานศึกษาแจ้งความพร้อมรับการประเมิน", 540, y, parent=sp,
         group="director", stage="ONESQA_READINESS", form="OnesqaDeclareReadiness")
    m.el("Task_ConfirmReadiness", "user", "ศึกษานิเทศก์ยืนยันความพร้อม", 700, y, parent=sp,
         group="supervisor", stage="ONESQA_READINESS_CONFIRMATION", form="OnesqaConfirmReadiness")
    m.el("Gateway_ReadinessConfirmed", "xor", "ยืนยัน?", 830, y, parent=sp)
    m.el("Task_RecordReadiness", "service", "บันทึกความพร้อม", 930, y + 100, parent=sp,
         expr="${externalRecords.readinessConfirmed(execution)}")
    m.el("EndEvent_ReadinessRecorded", "end", "บันทึกแล้ว", 930, y + 190, parent=sp)
    m.flow("Flow_ToDeclareReadiness", "StartEvent_ReadinessStarted", "Task_DeclareReadiness")
    m.flow("Flow_ToConfirmReadiness", "Task_DeclareReadiness", "Task_ConfirmReadiness")
    m.flow("Flow_ToReadinessGateway", "Task_ConfirmReadiness", "Gateway_ReadinessConfirmed")
    m.flow("Flow_ReadinessConfirmed", "Gateway_ReadinessConfirmed", "Task_RecordReadiness", "ยืนยัน",
           "${readinessDecision == 'confirm'}", route="rightdown")
    m.flow("Flow_ReadinessReturned", "Gateway_ReadinessConfirmed", "Task_DeclareReadiness", "ส่งกลับ",
           "${readinessDecision == 'return'}", route=("above", 30))
    m.flow("Flow_ToReadinessRecorded", "Task_RecordReadiness", "EndEvent_ReadinessRecorded", route="vertical")

    m.el("Task_GroupByReadiness", "service", "จัดกลุ่มตามความพร้อม", 1180, y,
         expr="${externalRecords.groupByReadiness(execution)}")
    m.el("Task_SendReadinessList", "user", "ส่งรายชื่อตามความพร้อมให้ สพฐ. และบันทึกโรงเรียนเป้าหมาย", 1330, y,
         group="officer", stage="ONESQA_READINESS_LIST", form="OnesqaSendReadinessList")
    m.el("Task_CollectSars", "service", "รวบรวม SAR ที่ได้รับความเห็นชอบ", 1480, y,
         expr="${externalRecords.collectSars(execution)}")
    m.el("Task_ConfirmSars", "user", "ตรวจสอบ SAR ของโรงเรียนเป้าหมาย", 1630, y,
         group="officer", stage="ONESQA_SAR_COLLECTION", form="OnesqaConfirmSars")
    m.el("CallActivity_SchoolAssessment", "call", "ประเมินภายนอกรายโรงเรียน", 1780, y,
         called="ExternalAssessmentSchool", businessKey="#{schoolCode}-#{academicYear}-ONESQA",
         **{"in": ["schoolCode", "districtCode", "academicYear"]},
         collection="${targetSchools}", element="schoolCode")
    m.el("Task_SynthesiseResults", "user", "สังเคราะห์ผลการประเมินภายนอก", 1930, y,
         group="officer", stage="ONESQA_SYNTHESIS", form="OnesqaSynthesiseResults")
    m.el("Task_FollowUpRecommendations", "user", "ติดตามการพัฒนาตามข้อเสนอแนะ", 2080, y,
         group="supdir", stage="ONESQA_FOLLOW_UP", form="OnesqaFollowUp")
    m.el("EndEvent_CoordinationDone", "end", "ปิดการประสานงานประจำปี", 2210, y)
    m.flow("Flow_ToPublishCriteria", "StartEvent_CoordinationStarted", "Task_PublishCriteria")
    m.flow("Flow_ToReadiness", "Task_PublishCriteria", "SubProcess_Readiness")
    m.flow("Flow_ToGroupByReadiness", "SubProcess_Readiness", "Task_GroupByReadiness")
    m.flow("Flow_ToSendReadinessList", "Task_GroupByReadiness", "Task_SendReadinessList")
    m.flow("Flow_ToCollectSars", "Task_SendReadinessList", "Task_CollectSars")
    m.flow("Flow_ToConfirmSars", "Task_CollectSars", "Task_ConfirmSars")
    m.flow("Flow_ToSchoolAssessment", "Task_ConfirmSars", "CallActivity_SchoolAssessment")
    m.flow("Flow_ToSynthesis", "CallActivity_SchoolAssessment", "Task_SynthesiseResults")
    m.flow("Flow_ToFollowUp", "Task_SynthesiseResults", "Task_FollowUpRecommendations")
    m.flow("Flow_ToCoordinationDone", "Task_FollowUpRecommendations", "EndEvent_CoordinationDone")
    return m


def school():
    m = Model("ExternalAssessmentSchool", "การประเมินคุณภาพภายนอกของสถานศึกษา (สมศ. รอบห้า)",
              "One instance per target school and academic year (business key {schoolCode}-{academicYearBE}-ONESQA), "
              "called by ExternalAssessment. The draft report is due qaflow.external.draft-report-days (15) after "
              "the visit: a boundary timer escalates when it has not come. A standard below "
              "qaflow.external.pass-level leads to re-assessment (at most qaflow.external.max-reassessments).")
    m.start_listener = "${externalRecords.schoolAssessmentStarted(execution)}"
    y = 200
    m.el("StartEvent_SchoolSelected", "start", "โรงเรียนเป้าหมาย", 150, y)
    m.el("Task_RecordSchedule", "user", "บันทึกกำหนดการและคณะผู้ประเมินของ สมศ.", 280, y,
         group="officer", stage="ONESQA_SCHEDULE", form="OnesqaRecordSchedule")
    m.el("Task_ReviewSchedule", "user", "สถานศึกษาพิจารณากำหนดการและผู้ประเมิน", 430, y,
         group="director", stage="ONESQA_SCHEDULE_REVIEW", form="OnesqaReviewSchedule")
    m.el("Gateway_ScheduleAccepted", "xor", "คัดค้าน?", 560, y)
    m.el("Gateway_PrepareFork", "and", "", 660, y)
    m.el("Task_PrepareAssessment", "user", "สถานศึกษาเตรียมรับการประเมิน", 780, y - 100,
         group="qa", stage="ONESQA_PREPARATION", form="OnesqaPrepareAssessment")
    m.el("Task_AppointCommittee", "user", "แต่งตั้งคณะกรรมการของเขตร่วมสังเกตการณ์", 780, y + 100,
         group="supdir", stage="ONESQA_COMMITTEE", form="OnesqaAppointCommittee")
    m.el("Gateway_PrepareJoin", "and", "", 900, y)
    m.el("Task_RecordVisit", "user", "บันทึกการตรวจเยี่ยมและการรายงานผลด้วยวาจา", 1020, y,
         group="officer", stage="ONESQA_VISIT", form="OnesqaRecordVisit")
    m.el("Task_ReceiveDraftReport", "user", "รับร่างรายงานผลการประเมิน (ภายใน 15 วัน)", 1180, y,
         group="officer", stage="ONESQA_DRAFT_REPORT", form="OnesqaReceiveDraftReport",
         create=["${externalDeadlines.draftReportTaskCreated(task)}"], due="listener")
    m.el("Timer_DraftReportOverdue", "boundary", "ครบ 15 วันแล้วยังไม่ได้รับร่าง", 1180 + 40, y + 40,
         on="Task_ReceiveDraftReport", date="${externalDeadlines.draftReportDue(execution)}")
    m.el("Task_EscalateDraftReport", "service", "แจ้งเตือนและติดตามร่างรายงานที่ล่าช้า", 1320, y + 150,
         expr="${externalDeadlines.escalate(execution)}")
    m.el("EndEvent_DraftReportEscalated", "end", "แจ้งเตือนแล้ว", 1460, y + 150)
    m.el("Task_CommentOnDraft", "user", "สถานศึกษาให้ความเห็นต่อร่างรายงาน", 1340, y,
         group="director", stage="ONESQA_COMMENTS", form="OnesqaCommentOnDraft")
    m.el("Task_RecordFinalResult", "user", "บันทึกผลการประเมินรายมาตรฐาน", 1500, y,
         group="officer", stage="ONESQA_FINAL_RESULT", form="OnesqaRecordFinalResult")
    m.el("Task_EvaluateResult", "service", "ตรวจผลรายมาตรฐาน", 1650, y,
         expr="${externalRecords.evaluateResult(execution)}")
    m.el("Gateway_StandardsMet", "xor", "ผ่านทุกมาตรฐาน?", 1780, y)
    m.el("EndEvent_ResultFinal", "end", "ผลการประเมินสิ้นสุด", 1900, y)
    m.el("Task_PlanImprovement", "user", "สถานศึกษาพัฒนาเพื่อรับการประเมินซ้ำ", 1780, y + 170,
         group="qa", stage="ONESQA_REASSESSMENT", form="OnesqaPlanImprovement")
    m.el("Task_RecordReassessment", "user", "บันทึกผลการประเมินซ้ำ", 1650, y + 170,
         group="officer", stage="ONESQA_REASSESSMENT", form="OnesqaRecordReassessment")
    m.el("EndEvent_NotMetAfterReassessment", "end", "ไม่ผ่านหลังประเมินซ้ำ", 1900, y - 130)
    m.flow("Flow_ToRecordSchedule", "StartEvent_SchoolSelected", "Task_RecordSchedule")
    m.flow("Flow_ToReviewSchedule", "Task_RecordSchedule", "Task_ReviewSchedule")
    m.flow("Flow_ToScheduleGateway", "Task_ReviewSchedule", "Gateway_ScheduleAccepted")
    m.flow("Flow_ScheduleAccepted", "Gateway_ScheduleAccepted", "Gateway_PrepareFork", "ยอมรับ",
           "${scheduleResponse == 'accept'}")
    m.flow("Flow_ScheduleObjected", "Gateway_ScheduleAccepted", "Task_RecordSchedule", "คัดค้าน",
           "${scheduleResponse == 'object'}", route=("above", 40))
    m.flow("Flow_ToPrepare", "Gateway_PrepareFork", "Task_PrepareAssessment", route="up")
    m.flow("Flow_ToAppointCommittee", "Gateway_PrepareFork", "Task_AppointCommittee", route="down")
    m.flow("Flow_PreparedToJoin", "Task_PrepareAssessment", "Gateway_PrepareJoin", route="rightdown")
    m.flow("Flow_CommitteeToJoin", "Task_AppointCommittee", "Gateway_PrepareJoin", route="rightup")
    m.flow("Flow_ToRecordVisit", "Gateway_PrepareJoin", "Task_RecordVisit")
    m.flow("Flow_ToReceiveDraft", "Task_RecordVisit", "Task_ReceiveDraftReport")
    m.flow("Flow_ToEscalateDraft", "Timer_DraftReportOverdue", "Task_EscalateDraftReport", route="down")
    m.flow("Flow_ToDraftEscalated", "Task_EscalateDraftReport", "EndEvent_DraftReportEscalated")
    m.flow("Flow_ToComment", "Task_ReceiveDraftReport", "Task_CommentOnDraft")
    m.flow("Flow_ToFinalResult", "Task_CommentOnDraft", "Task_RecordFinalResult")
    m.flow("Flow_ToEvaluate", "Task_RecordFinalResult", "Task_EvaluateResult")
    m.flow("Flow_ToStandardsGateway", "Task_EvaluateResult", "Gateway_StandardsMet")
    m.flow("Flow_AllStandardsMet", "Gateway_StandardsMet", "EndEvent_ResultFinal", "ผ่าน", "${allStandardsMet}")
    m.flow("Flow_ToPlanImprovement", "Gateway_StandardsMet", "Task_PlanImprovement", "ไม่ผ่าน: ประเมินซ้ำ",
           "${!allStandardsMet && reassessmentAllowed}", route="vertical")
    m.flow("Flow_NotMetFinal", "Gateway_StandardsMet", "EndEvent_NotMetAfterReassessment", "ไม่ผ่าน (ครบรอบแล้ว)",
           "${!allStandardsMet && !reassessmentAllowed}", route="up")
    m.flow("Flow_ToRecordReassessment", "Task_PlanImprovement", "Task_RecordReassessment", route="left")
    m.flow("Flow_ReassessedToEvaluate", "Task_RecordReassessment", "Task_EvaluateResult", route="vertical")
    return m


if __name__ == "__main__":
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bpmn")
    for model in (coordination(), school()):
        with open(os.path.join(here, model.pid + ".bpmn"), "w", encoding="utf-8") as f:
            f.write(model.xml())
