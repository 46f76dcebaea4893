#!/usr/bin/env python3
"""Writes bpmn/SchoolQaCycle.bpmn with its diagram (kept as a script so the layout stays tidy).
Edit the model in Camunda Modeler or here; both produce the same executable XML."""
import sys

W, H = 120, 80          # task size
EV, GW = 36, 50         # event and gateway size

# id, kind, label(th), extra
row1 = [
    ("StartEvent_CycleStarted", "start", "เริ่มปีการศึกษา", {}),
    ("Task_SetStandards", "user", "กำหนดมาตรฐานและค่าเป้าหมาย", dict(group="qa", stage="STANDARDS", form="SetStandards")),
    ("Task_BoardEndorseStandards", "user", "คณะกรรมการสถานศึกษาให้ความเห็นชอบ", dict(group="board", stage="STANDARDS_ENDORSEMENT", form="BoardEndorseStandards")),
    ("Gateway_StandardsEndorsed", "xor", "เห็นชอบ?", {}),
    ("Task_AnnounceStandards", "user", "ประกาศมาตรฐานและค่าเป้าหมาย", dict(group="director", stage="STANDARDS_ANNOUNCEMENT", form="AnnounceStandards")),
    ("Task_MakePlans", "user", "จัดทำแผนพัฒนาฯ และแผนปฏิบัติการประจำปี", dict(group="qa", stage="PLANS", form="MakePlans")),
    ("Timer_SemesterOneOpens", "timer", "เปิดช่วงติดตาม ภาคเรียนที่ 1", dict(stage="SELF_CHECK_1")),
    ("Task_SelfCheckSemesterOne", "user", "ติดตามตรวจสอบ ภาคเรียนที่ 1", dict(group="qa", stage="SELF_CHECK_1", form="SelfCheckSemesterOne")),
    ("Timer_SemesterTwoOpens", "timer", "เปิดช่วงติดตาม ภาคเรียนที่ 2", dict(stage="SELF_CHECK_2")),
    ("Task_SelfCheckSemesterTwo", "user", "ติดตามตรวจสอบ ภาคเรียนที่ 2", dict(group="qa", stage="SELF_CHECK_2", form="SelfCheckSemesterTwo")),
    ("Timer_InternalAssessmentOpens", "timer", "เปิดช่วงประเมินคุณภาพภายใน", dict(stage="INTERNAL_ASSESSMENT")),
    ("Task_InternalAssessment", "user", "ประเมินคุณภาพภายในตามมาตรฐาน", dict(group="qa", stage="INTERNAL_ASSESSMENT", form="InternalAssessment")),
]
row2 = [
    ("Task_DraftSar", "user", "จัดทำรายงานการประเมินตนเอง (SAR)", dict(group="qa", stage="SAR_DRAFT", form="DraftSar")),
    ("Task_DirectorReviewSar", "user", "ผู้อำนวยการตรวจทาน SAR", dict(group="director", stage="SAR_DIRECTOR_REVIEW", form="DirectorReviewSar")),
    ("Gateway_DirectorDecision", "xor", "ส่งคณะกรรมการ?", {}),
    ("Task_BoardApproveSar", "user", "คณะกรรมการสถานศึกษาพิจารณา SAR", dict(group="board", stage="SAR_BOARD_APPROVAL", form="BoardApproveSar")),
    ("Gateway_BoardApproved", "xor", "เห็นชอบ SAR?", {}),
    ("Task_SubmitSar", "user", "ส่ง SAR ให้สำนักงานเขตพื้นที่", dict(group="director", stage="SAR_SUBMISSION", form="SubmitSar")),
    # the district reviews the submission in its own process (SarReview, started by this message) and answers
    ("Event_SarSubmitted", "throw", "แจ้งเขตพื้นที่: ส่ง SAR แล้ว", dict(message="Message_SarSubmitted", expression="${districtSarReviews.submitted(execution)}")),
    ("Event_SarReviewed", "catch", "ผลการตรวจ SAR จากเขตพื้นที่", dict(message="Message_SarReviewed")),
    ("Gateway_SarReviewDecision", "xor", "เขตรับ SAR?", {}),
    ("Task_PublishSar", "user", "เผยแพร่ SAR ต่อสาธารณชน", dict(group="director", stage="SAR_PUBLICATION", form="PublishSar")),
    ("EndEvent_SarPublished", "end", "เผยแพร่ SAR แล้ว", {}),
]

GROUPS = {"qa": "school-${schoolCode}-qa", "director": "school-${schoolCode}-director", "board": "school-${schoolCode}-board"}

flows = [
    ("Flow_ToSetStandards", "StartEvent_CycleStarted", "Task_SetStandards", None, None),
    ("Flow_ToBoardEndorse", "Task_SetStandards", "Task_BoardEndorseStandards", None, None),
    ("Flow_ToEndorsedGateway", "Task_BoardEndorseStandards", "Gateway_StandardsEndorsed", None, None),
    ("Flow_StandardsEndorsed", "Gateway_StandardsEndorsed", "Task_AnnounceStandards", "เห็นชอบ", "${endorsementDecision == 'approve'}"),
    ("Flow_StandardsReturned", "Gateway_StandardsEndorsed", "Task_SetStandards", "ส่งกลับแก้ไข", "${endorsementDecision == 'return'}"),
    ("Flow_ToMakePlans", "Task_AnnounceStandards", "Task_MakePlans", None, None),
    ("Flow_ToSemesterOneTimer", "Task_MakePlans", "Timer_SemesterOneOpens", None, None),
    ("Flow_ToSelfCheckOne", "Timer_SemesterOneOpens", "Task_SelfCheckSemesterOne", None, None),
    ("Flow_ToSemesterTwoTimer", "Task_SelfCheckSemesterOne", "Timer_SemesterTwoOpens", None, None),
    ("Flow_ToSelfCheckTwo", "Timer_SemesterTwoOpens", "Task_SelfCheckSemesterTwo", None, None),
    ("Flow_ToAssessmentTimer", "Task_SelfCheckSemesterTwo", "Timer_InternalAssessmentOpens", None, None),
    ("Flow_ToInternalAssessment", "Timer_InternalAssessmentOpens", "Task_InternalAssessment", None, None),
    ("Flow_ToDraftSar", "Task_InternalAssessment", "Task_DraftSar", None, None),
    ("Flow_ToDirectorReview", "Task_DraftSar", "Task_DirectorReviewSar", None, None),
    ("Flow_ToDirectorGateway", "Task_DirectorReviewSar", "Gateway_DirectorDecision", None, None),
    ("Flow_DirectorToBoard", "Gateway_DirectorDecision", "Task_BoardApproveSar", "ส่งคณะกรรมการ", "${directorDecision == 'toBoard'}"),
    ("Flow_DirectorReturned", "Gateway_DirectorDecision", "Task_DraftSar", "ส่งกลับแก้ไข", "${directorDecision == 'returnToQa'}"),
    ("Flow_ToBoardGateway", "Task_BoardApproveSar", "Gateway_BoardApproved", None, None),
    ("Flow_SarApproved", "Gateway_BoardApproved", "Task_SubmitSar", "เห็นชอบ", "${boardDecision == 'approve'}"),
    ("Flow_SarReturned", "Gateway_BoardApproved", "Task_DraftSar", "ส่งกลับแก้ไข", "${boardDecision == 'return'}"),
    ("Flow_ToSarSubmitted", "Task_SubmitSar", "Event_SarSubmitted", None, None),
    ("Flow_ToSarReviewed", "Event_SarSubmitted", "Event_SarReviewed", None, None),
    ("Flow_ToReviewGateway", "Event_SarReviewed", "Gateway_SarReviewDecision", None, None),
    ("Flow_SarAcceptedByDistrict", "Gateway_SarReviewDecision", "Task_PublishSar", "เขตรับ", "${sarReviewDecision == 'ACCEPTED'}"),
    ("Flow_SarReturnedByDistrict", "Gateway_SarReviewDecision", "Task_DraftSar", "เขตส่งกลับแก้ไข", "${sarReviewDecision == 'RETURNED'}"),
    ("Flow_ToEnd", "Task_PublishSar", "EndEvent_SarPublished", None, None),
]

# SAR escalations: two non-interrupting boundary timers per task (school director after
# qaflow.escalation.director-after-days, cluster supervisor after ...supervisor-after-days), each to an
# async service task publishing th.qaflow.cycle.EscalationDue and its own end event.
# (task, stage, id part, timer label, [(level, who label, end label)])
escalations = [
    ("Task_BoardApproveSar", "SAR_BOARD_APPROVAL", "BoardApproval", "SAR ยังไม่ได้รับความเห็นชอบ"),
    ("Task_SubmitSar", "SAR_SUBMISSION", "Submission", "SAR ยังไม่ได้ส่ง"),
]
LEVELS = [
    ("DIRECTOR", "Director", "เลยกำหนด: แจ้ง ผอ.", "แจ้งผู้อำนวยการสถานศึกษา", "แจ้งผู้อำนวยการแล้ว"),
    ("SUPERVISOR", "Supervisor", "เลยกำหนด: แจ้ง ศน.", "แจ้งศึกษานิเทศก์", "แจ้งศึกษานิเทศก์แล้ว"),
]
boundaries = []   # (timer id, attached task, stage, level, label)
services = []     # (service id, label, stage, level, end id, end label, timer id)
for task, stage, part, what in escalations:
    for level, lvl, timer_label, who, done in LEVELS:
        timer = f"Timer_{part}Overdue{lvl}"
        service = f"Task_Escalate{part}To{lvl}"
        end = f"EndEvent_{part}EscalatedTo{lvl}"
        boundaries.append((timer, task, stage, level, timer_label))
        services.append((service, f"{who}: {what}", stage, level, end, done, timer))
        flows.append((f"Flow_To{service[5:]}", timer, service, None, None))
        flows.append((f"Flow_{part}EscalatedTo{lvl}", service, end, None, None))

# layout: row 1 at y=120, row 2 at y=400, 170px apart
pos = {}
def place(row, y, x0=180):
    x = x0
    for el in row:
        kind = el[1]
        w, h = (W, H) if kind == "user" else ((GW, GW) if kind == "xor" else (EV, EV))
        pos[el[0]] = (x + (W - w) / 2, y + (H - h) / 2, w, h, kind)
        x += 170
place(row1, 120)
place(row2, 400, 180 + 170 * 4)
for i, (timer, task, stage, level, label) in enumerate(boundaries):
    tx, ty, tw, th, _ = pos[task]
    first = level == "DIRECTOR"
    bx = tx + (14 if first else tw - 14 - EV)
    pos[timer] = (bx, ty + th - EV / 2, EV, EV, "boundary")
for service, label, stage, level, end, done, timer in services:
    bx, by, _, _, _ = pos[timer]
    sx = bx + EV / 2 - W / 2 + (-70 if level == "DIRECTOR" else 70)
    pos[service] = (sx, 580, W, H, "service")
    pos[end] = (sx + (W - EV) / 2, 740, EV, EV, "end")

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

incoming = {}
outgoing = {}
for fid, s, t, _, _ in flows:
    outgoing.setdefault(s, []).append(fid)
    incoming.setdefault(t, []).append(fid)

out = []
o = out.append
o('<?xml version="1.0" encoding="UTF-8"?>')
o('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
  'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
  'id="Definitions_SchoolQaCycle" targetNamespace="https://qaflow.example/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" '
  'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">')
o('  <bpmn:process id="SchoolQaCycle" name="วงจรประกันคุณภาพภายในประจำปีของสถานศึกษา" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="1">')
o('    <bpmn:documentation>One instance per school and academic year (business key {schoolCode}-{academicYearBE}). Due dates and timer dates come from the district calendar (bean qaCalendar); the stage property of each user task names its calendar stage.</bpmn:documentation>')
for el in row1 + row2:
    eid, kind, label, ex = el
    ins = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(eid, []))
    outs = "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(eid, []))
    if kind == "start":
        o(f'    <bpmn:startEvent id="{eid}" name="{esc(label)}">{outs}\n    </bpmn:startEvent>')
    elif kind == "end":
        o(f'    <bpmn:endEvent id="{eid}" name="{esc(label)}">{ins}\n    </bpmn:endEvent>')
    elif kind == "xor":
        o(f'    <bpmn:exclusiveGateway id="{eid}" name="{esc(label)}">{ins}{outs}\n    </bpmn:exclusiveGateway>')
    elif kind == "throw":
        o(f'    <bpmn:intermediateThrowEvent id="{eid}" name="{esc(label)}">{ins}{outs}\n'
          f'      <bpmn:messageEventDefinition id="{eid}_Definition" messageRef="{ex["message"]}" camunda:expression="{esc(ex["expression"])}" />\n'
          f'    </bpmn:intermediateThrowEvent>')
    elif kind == "catch":
        o(f'    <bpmn:intermediateCatchEvent id="{eid}" name="{esc(label)}">{ins}{outs}\n'
          f'      <bpmn:messageEventDefinition id="{eid}_Definition" messageRef="{ex["message"]}" />\n'
          f'    </bpmn:intermediateCatchEvent>')
    elif kind == "timer":
        o(f'    <bpmn:intermediateCatchEvent id="{eid}" name="{esc(label)}">{ins}{outs}\n'
          f'      <bpmn:timerEventDefinition id="{eid}_Definition">\n'
          f'        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{qaCalendar.opensAt(execution, \'{ex["stage"]}\')}}</bpmn:timeDate>\n'
          f'      </bpmn:timerEventDefinition>\n    </bpmn:intermediateCatchEvent>')
    elif kind == "user":
        o(f'    <bpmn:userTask id="{eid}" name="{esc(label)}" camunda:formRef="{ex["form"]}" camunda:formRefBinding="deployment" '
          f'camunda:candidateGroups="{GROUPS[ex["group"]]}">\n'
          f'      <bpmn:extensionElements>\n        <camunda:properties>\n          <camunda:property name="stage" value="{ex["stage"]}" />\n        </camunda:properties>\n      </bpmn:extensionElements>{ins}{outs}\n    </bpmn:userTask>')
for timer, task, stage, level, label in boundaries:
    outs = "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(timer, []))
    o(f'    <bpmn:boundaryEvent id="{timer}" name="{esc(label)}" cancelActivity="false" attachedToRef="{task}">{outs}\n'
      f'      <bpmn:timerEventDefinition id="{timer}_Definition">\n'
      f'        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{escalationTimers.at(execution, \'{stage}\', \'{level}\')}}</bpmn:timeDate>\n'
      f'      </bpmn:timerEventDefinition>\n    </bpmn:boundaryEvent>')
for service, label, stage, level, end, done, timer in services:
    ins = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(service, []))
    outs = "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(service, []))
    o(f'    <bpmn:serviceTask id="{service}" name="{esc(label)}" camunda:asyncBefore="true" '
      f'camunda:expression="${{escalations.publish(execution, \'{stage}\', \'{level}\')}}">{ins}{outs}\n    </bpmn:serviceTask>')
    ins = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(end, []))
    o(f'    <bpmn:endEvent id="{end}" name="{esc(done)}">{ins}\n    </bpmn:endEvent>')
for fid, s, t, label, cond in flows:
    name = f' name="{esc(label)}"' if label else ""
    if cond:
        o(f'    <bpmn:sequenceFlow id="{fid}"{name} sourceRef="{s}" targetRef="{t}">\n'
          f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(cond)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>')
    else:
        o(f'    <bpmn:sequenceFlow id="{fid}" sourceRef="{s}" targetRef="{t}" />')
o('  </bpmn:process>')
o('  <bpmn:message id="Message_SarSubmitted" name="SarSubmitted" />')
o('  <bpmn:message id="Message_SarReviewed" name="SarReviewed" />')
o('  <bpmndi:BPMNDiagram id="BPMNDiagram_SchoolQaCycle">')
o('    <bpmndi:BPMNPlane id="BPMNPlane_SchoolQaCycle" bpmnElement="SchoolQaCycle">')
for eid, (x, y, w, h, kind) in pos.items():
    extra = ' isMarkerVisible="true"' if kind == "xor" else ""
    o(f'      <bpmndi:BPMNShape id="{eid}_di" bpmnElement="{eid}"{extra}>\n        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />')
    if kind == "boundary":   # label beside the timer, outwards, so the two labels do not meet
        lx = x - 76 if eid.endswith("Director") else x + w + 4
        o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx:.0f}" y="{y + h:.0f}" width="72" height="27" />\n        </bpmndi:BPMNLabel>')
    elif kind not in ("user", "service"):
        o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x - 30:.0f}" y="{y + h + 6:.0f}" width="{w + 60}" height="27" />\n        </bpmndi:BPMNLabel>')
    o('      </bpmndi:BPMNShape>')

def right(e):  x, y, w, h, _ = pos[e]; return (x + w, y + h / 2)
def left(e):   x, y, w, h, _ = pos[e]; return (x, y + h / 2)
def top(e):    x, y, w, h, _ = pos[e]; return (x + w / 2, y)
def bottom(e): x, y, w, h, _ = pos[e]; return (x + w / 2, y + h)

for fid, s, t, label, cond in flows:
    (sx, sy, sw, sh, _), (tx, ty, tw, th, _) = pos[s], pos[t]
    if pos[s][4] in ("boundary", "service"):                          # escalation: down
        (ax, ay), (bx, by) = bottom(s), top(t)
        pts = [(ax, ay), (bx, by)] if abs(ax - bx) < 1 else [(ax, ay), (ax, (ay + by) / 2), (bx, (ay + by) / 2), (bx, by)]
    elif abs((sy + sh / 2) - (ty + th / 2)) < 1 and tx > sx:          # same row, forward
        pts = [right(s), left(t)]
    elif abs((sy + sh / 2) - (ty + th / 2)) < 1:                       # same row, loop back over the top
        (ax, ay), (bx, by) = top(s), top(t)
        lift = min(ay, by) - 40 - {"Flow_SarReturned": 20, "Flow_SarReturnedByDistrict": 40}.get(fid, 0)
        pts = [(ax, ay), (ax, lift), (bx, lift), (bx, by)]
    else:                                                              # row 1 to row 2
        (ax, ay), (bx, by) = bottom(s), top(t)
        mid = (ay + by) / 2
        pts = [(ax, ay), (ax, mid), (bx, mid), (bx, by)]
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
