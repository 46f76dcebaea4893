#!/usr/bin/env python3
"""Writes bpmn/DistrictVisit.bpmn with its diagram: python3 tools/gen_district_visit_bpmn.py > bpmn/DistrictVisit.bpmn
One instance per school visit (business key {schoolCode}-{yearBE}-V{n}); ids in th.qaflow.visit.DistrictVisitProcess."""
import sys

W, H = 120, 80
EV, GW = 36, 50

GROUPS = {
    "supervisor": "cluster-${clusterCode}-supervisor",
    "supdirector": "district-${districtCode}-supervision-director",
    "qa": "school-${schoolCode}-qa",
    "director": "school-${schoolCode}-director",
}

# id, kind, label(th), extra
row = [
    ("StartEvent_VisitLaunched", "start", "เริ่มการนิเทศ ติดตาม", {}),
    ("Task_PlanVisit", "user", "วางแผนและกำหนดวันตรวจเยี่ยม", dict(group="supervisor", stage="VISIT_PLAN", form="VisitPlan")),
    ("Task_AppointCommittee", "user", "แต่งตั้งคณะกรรมการตรวจเยี่ยม", dict(group="supdirector", stage="VISIT_COMMITTEE", form="VisitAppointCommittee")),
    ("Task_PrepareEvidence", "user", "สถานศึกษาเตรียมหลักฐานรายมาตรฐาน", dict(group="qa", stage="VISIT_EVIDENCE", form="VisitPrepareEvidence")),
    ("Task_RecordFindings", "user", "บันทึกผลการตรวจเยี่ยมและข้อเสนอแนะ", dict(group="supervisor", stage="VISIT_FINDINGS", form="VisitRecordFindings")),
    ("Task_ApproveReport", "user", "ผอ.กลุ่มนิเทศฯ อนุมัติรายงาน", dict(group="supdirector", stage="VISIT_REPORT_APPROVAL", form="VisitApproveReport")),
    ("Gateway_ReportApproved", "xor", "อนุมัติรายงาน?", {}),
    ("Task_AcknowledgeVisit", "user", "สถานศึกษารับทราบและกำหนดแนวทางพัฒนา", dict(group="director", stage="VISIT_ACKNOWLEDGEMENT", form="VisitAcknowledge")),
    ("EndEvent_VisitCompleted", "end", "การตรวจเยี่ยมเสร็จสิ้น", {}),
]

flows = [
    ("Flow_ToPlanVisit", "StartEvent_VisitLaunched", "Task_PlanVisit", None, None),
    ("Flow_ToAppointCommittee", "Task_PlanVisit", "Task_AppointCommittee", None, None),
    ("Flow_ToPrepareEvidence", "Task_AppointCommittee", "Task_PrepareEvidence", None, None),
    ("Flow_ToRecordFindings", "Task_PrepareEvidence", "Task_RecordFindings", None, None),
    ("Flow_ToApproveReport", "Task_RecordFindings", "Task_ApproveReport", None, None),
    ("Flow_ToReportGateway", "Task_ApproveReport", "Gateway_ReportApproved", None, None),
    ("Flow_ReportApproved", "Gateway_ReportApproved", "Task_AcknowledgeVisit", "อนุมัติ", "${visitReportDecision == 'approve'}"),
    ("Flow_ReportReturned", "Gateway_ReportApproved", "Task_RecordFindings", "ส่งกลับแก้ไข", "${visitReportDecision == 'return'}"),
    ("Flow_ToEnd", "Task_AcknowledgeVisit", "EndEvent_VisitCompleted", None, None),
]

pos = {}
x = 180
for eid, kind, label, ex in row:
    w, h = (W, H) if kind == "user" else ((GW, GW) if kind == "xor" else (EV, EV))
    pos[eid] = (x + (W - w) / 2, 120 + (H - h) / 2, w, h, kind)
    x += 170

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

incoming, outgoing = {}, {}
for fid, s, t, _, _ in flows:
    outgoing.setdefault(s, []).append(fid)
    incoming.setdefault(t, []).append(fid)

out = []
o = out.append
o('<?xml version="1.0" encoding="UTF-8"?>')
o('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
  'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
  'id="Definitions_DistrictVisit" targetNamespace="https://qaflow.example/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" '
  'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">')
o('  <bpmn:process id="DistrictVisit" name="การนิเทศ ติดตาม และตรวจเยี่ยมสถานศึกษา" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="1">')
o('    <bpmn:documentation>One instance per school visit (business key {schoolCode}-{academicYearBE}-V{round}), started by a visit round of the district (visit module). Due dates come from the district calendar (VISIT_* stages); the stage property of each user task names its calendar stage.</bpmn:documentation>')
for eid, kind, label, ex in row:
    ins = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(eid, []))
    outs = "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(eid, []))
    if kind == "start":
        o(f'    <bpmn:startEvent id="{eid}" name="{esc(label)}">{outs}\n    </bpmn:startEvent>')
    elif kind == "end":
        o(f'    <bpmn:endEvent id="{eid}" name="{esc(label)}">{ins}\n    </bpmn:endEvent>')
    elif kind == "xor":
        o(f'    <bpmn:exclusiveGateway id="{eid}" name="{esc(label)}">{ins}{outs}\n    </bpmn:exclusiveGateway>')
    elif kind == "user":
        o(f'    <bpmn:userTask id="{eid}" name="{esc(label)}" camunda:formRef="{ex["form"]}" camunda:formRefBinding="deployment" '
          f'camunda:candidateGroups="{GROUPS[ex["group"]]}">\n'
          f'      <bpmn:extensionElements>\n        <camunda:properties>\n          <camunda:property name="stage" value="{ex["stage"]}" />\n        </camunda:properties>\n      </bpmn:extensionElements>{ins}{outs}\n    </bpmn:userTask>')
for fid, s, t, label, cond in flows:
    name = f' name="{esc(label)}"' if label else ""
    if cond:
        o(f'    <bpmn:sequenceFlow id="{fid}"{name} sourceRef="{s}" targetRef="{t}">\n'
          f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(cond)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>')
    else:
        o(f'    <bpmn:sequenceFlow id="{fid}" sourceRef="{s}" targetRef="{t}" />')
o('  </bpmn:process>')
o('  <bpmndi:BPMNDiagram id="BPMNDiagram_DistrictVisit">')
o('    <bpmndi:BPMNPlane id="BPMNPlane_DistrictVisit" bpmnElement="DistrictVisit">')
for eid, (x, y, w, h, kind) in pos.items():
    extra = ' isMarkerVisible="true"' if kind == "xor" else ""
    o(f'      <bpmndi:BPMNShape id="{eid}_di" bpmnElement="{eid}"{extra}>\n        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />')
    if kind != "user":
        o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x - 30:.0f}" y="{y + h + 6:.0f}" width="{w + 60}" height="27" />\n        </bpmndi:BPMNLabel>')
    o('      </bpmndi:BPMNShape>')

def right(e):  x, y, w, h, _ = pos[e]; return (x + w, y + h / 2)
def left(e):   x, y, w, h, _ = pos[e]; return (x, y + h / 2)
def top(e):    x, y, w, h, _ = pos[e]; return (x + w / 2, y)

for fid, s, t, label, cond in flows:
    if pos[t][0] > pos[s][0]:
        pts = [right(s), left(t)]
    else:  # the return loops back over the top
        (ax, ay), (bx, by) = top(s), top(t)
        lift = min(ay, by) - 50
        pts = [(ax, ay), (ax, lift), (bx, lift), (bx, by)]
    o(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
    for px, py in pts:
        o(f'        <di:waypoint x="{px:.0f}" y="{py:.0f}" />')
    if label:
        lx, ly = pts[1] if len(pts) > 2 else pts[0]
        o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx + 5:.0f}" y="{ly - 20:.0f}" width="80" height="14" />\n        </bpmndi:BPMNLabel>')
    o('      </bpmndi:BPMNEdge>')
o('    </bpmndi:BPMNPlane>')
o('  </bpmndi:BPMNDiagram>')
o('</bpmn:definitions>')
sys.stdout.write("\n".join(out) + "\n")
