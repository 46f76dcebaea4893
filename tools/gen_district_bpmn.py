#!/usr/bin/env python3
"""Writes bpmn/DistrictQaCycle.bpmn and bpmn/SarReview.bpmn with their diagrams (the district module's
processes). Run from the repository root: python3 tools/gen_district_bpmn.py
Ids must agree with th.qaflow.district.DistrictQaCycleProcess and th.qaflow.district.SarReviewProcess."""

W, H = 120, 80
EV, GW = 36, 50
DX = 170

OFFICER = "district-${districtCode}-qa-officer"
SUPDIR = "district-${districtCode}-supervision-director"
DDIR = "district-${districtCode}-director"
SUPERVISOR = "cluster-${clusterCode}-supervisor"

NS = ('xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
      'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xmlns:modeler="http://camunda.org/schema/modeler/1.0"')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write(path, pid, name, doc, elements, flows, messages, lifts=None):
    """elements: (id, kind, label, col, y, extra); flows: (id, source, target, label, condition)."""
    lifts = lifts or {}
    pos = {}
    for eid, kind, label, col, y, ex in elements:
        w, h = (W, H) if kind in ("user", "service") else ((GW, GW) if kind == "xor" else (EV, EV))
        x = 180 + DX * col
        pos[eid] = (x + (W - w) / 2, y + (H - h) / 2, w, h, kind)
    incoming, outgoing = {}, {}
    for fid, s, t, _, _ in flows:
        outgoing.setdefault(s, []).append(fid)
        incoming.setdefault(t, []).append(fid)
    out = []
    o = out.append
    o('<?xml version="1.0" encoding="UTF-8"?>')
    o(f'<bpmn:definitions {NS} id="Definitions_{pid}" targetNamespace="https://qaflow.example/bpmn" exporter="Camunda Modeler" '
      'exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">')
    o(f'  <bpmn:process id="{pid}" name="{esc(name)}" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="1">')
    o(f'    <bpmn:documentation>{esc(doc)}</bpmn:documentation>')
    for eid, kind, label, col, y, ex in elements:
        ins = "".join(f"\n      <bpmn:incoming>{f}</bpmn:incoming>" for f in incoming.get(eid, []))
        outs = "".join(f"\n      <bpmn:outgoing>{f}</bpmn:outgoing>" for f in outgoing.get(eid, []))
        n = esc(label)
        if kind == "start":
            msg = f'\n      <bpmn:messageEventDefinition id="{eid}_Definition" messageRef="{ex["message"]}" />' if "message" in ex else ""
            o(f'    <bpmn:startEvent id="{eid}" name="{n}">{outs}{msg}\n    </bpmn:startEvent>')
        elif kind == "end":
            msg = ""
            if "message" in ex:
                msg = (f'\n      <bpmn:messageEventDefinition id="{eid}_Definition" messageRef="{ex["message"]}" '
                       f'camunda:expression="{esc(ex["expression"])}" />')
            o(f'    <bpmn:endEvent id="{eid}" name="{n}">{ins}{msg}\n    </bpmn:endEvent>')
        elif kind == "xor":
            o(f'    <bpmn:exclusiveGateway id="{eid}" name="{n}">{ins}{outs}\n    </bpmn:exclusiveGateway>')
        elif kind == "timer":
            o(f'    <bpmn:intermediateCatchEvent id="{eid}" name="{n}">{ins}{outs}\n'
              f'      <bpmn:timerEventDefinition id="{eid}_Definition">\n'
              f'        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">{esc(ex["date"])}</bpmn:timeDate>\n'
              f'      </bpmn:timerEventDefinition>\n    </bpmn:intermediateCatchEvent>')
        elif kind == "service":
            o(f'    <bpmn:serviceTask id="{eid}" name="{n}" camunda:expression="{esc(ex["expression"])}">{ins}{outs}\n    </bpmn:serviceTask>')
        elif kind == "user":
            listener = ""
            if "onCreate" in ex:
                listener += f'\n        <camunda:taskListener expression="{esc(ex["onCreate"])}" event="create" />'
            if "onComplete" in ex:
                listener += f'\n        <camunda:taskListener expression="{esc(ex["onComplete"])}" event="complete" />'
            o(f'    <bpmn:userTask id="{eid}" name="{n}" camunda:formRef="{ex["form"]}" camunda:formRefBinding="deployment" '
              f'camunda:candidateGroups="{ex["groups"]}">\n'
              f'      <bpmn:extensionElements>\n        <camunda:properties>\n'
              f'          <camunda:property name="stage" value="{ex["stage"]}" />\n'
              + (f'          <camunda:property name="due" value="{ex["due"]}" />\n' if "due" in ex else "")
              + f'        </camunda:properties>{listener}\n'
              f'      </bpmn:extensionElements>{ins}{outs}\n    </bpmn:userTask>')
    for fid, s, t, label, cond in flows:
        nm = f' name="{esc(label)}"' if label else ""
        if cond:
            o(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">\n'
              f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(cond)}</bpmn:conditionExpression>\n'
              f'    </bpmn:sequenceFlow>')
        else:
            o(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')
    o('  </bpmn:process>')
    for mid, mname in messages:
        o(f'  <bpmn:message id="{mid}" name="{mname}" />')
    o(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{pid}">')
    o(f'    <bpmndi:BPMNPlane id="BPMNPlane_{pid}" bpmnElement="{pid}">')
    for eid, (x, y, w, h, kind) in pos.items():
        extra = ' isMarkerVisible="true"' if kind == "xor" else ""
        o(f'      <bpmndi:BPMNShape id="{eid}_di" bpmnElement="{eid}"{extra}>\n        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />')
        if kind not in ("user", "service"):
            o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x - 30:.0f}" y="{y + h + 6:.0f}" width="{w + 60}" height="27" />\n'
              '        </bpmndi:BPMNLabel>')
        o('      </bpmndi:BPMNShape>')

    def right(e): x, y, w, h, _ = pos[e]; return (x + w, y + h / 2)
    def left(e): x, y, w, h, _ = pos[e]; return (x, y + h / 2)
    def top(e): x, y, w, h, _ = pos[e]; return (x + w / 2, y)
    def bottom(e): x, y, w, h, _ = pos[e]; return (x + w / 2, y + h)

    for fid, s, t, label, cond in flows:
        (sx, sy, sw, sh, _), (tx, ty, tw, th, _) = pos[s], pos[t]
        scy, tcy = sy + sh / 2, ty + th / 2
        if abs(scy - tcy) < 1 and tx > sx:
            pts = [right(s), left(t)]
        elif abs(scy - tcy) < 1:
            (ax, ay), (bx, by) = top(s), top(t)
            lift = min(ay, by) - 40 - lifts.get(fid, 0)
            pts = [(ax, ay), (ax, lift), (bx, lift), (bx, by)]
        elif abs((sx + sw / 2) - (tx + tw / 2)) < 1:
            pts = [bottom(s), top(t)] if tcy > scy else [top(s), bottom(t)]
        elif tcy > scy and tx > sx + sw:
            (ax, ay), (bx, by) = bottom(s), left(t)
            pts = [(ax, ay), (ax, by), (bx, by)]
        elif tcy < scy and tx > sx:
            (ax, ay), (bx, by) = right(s), bottom(t)
            pts = [(ax, ay), (bx, ay), (bx, by)]
        else:
            (ax, ay), (bx, by) = bottom(s), top(t)
            mid = (ay + by) / 2
            pts = [(ax, ay), (ax, mid), (bx, mid), (bx, by)]
        o(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        for px, py in pts:
            o(f'        <di:waypoint x="{px:.0f}" y="{py:.0f}" />')
        if label:
            lx, ly = pts[1] if len(pts) > 2 else pts[0]
            o(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx + 5:.0f}" y="{ly - 20:.0f}" width="90" height="14" />\n'
              '        </bpmndi:BPMNLabel>')
        o('      </bpmndi:BPMNEdge>')
    o('    </bpmndi:BPMNPlane>')
    o('  </bpmndi:BPMNDiagram>')
    o('</bpmn:definitions>')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def user(group, stage, form, **more):
    return dict(groups=group, stage=stage, form=form, **more)


A, B, C = 120, 300, 560
write("bpmn/DistrictQaCycle.bpmn", "DistrictQaCycle", "วงจรประกันคุณภาพการศึกษาประจำปีของสำนักงานเขตพื้นที่การศึกษา",
      "One instance per district and academic year (business key {districtCode}-{academicYearBE}). Starts every "
      "school's SchoolQaCycle, chases the SARs missing at the calendar's SAR_SUBMISSION deadline, and ends with the "
      "approved synthesis published (Spring event th.qaflow.district.SynthesisApproved). Each SAR is reviewed in its "
      "own SarReview process, so a school works whether or not this cycle runs.",
      [
          ("StartEvent_DistrictCycleStarted", "start", "เริ่มปีการศึกษาของเขตพื้นที่", 0, A, {}),
          ("Task_PublishGuidance", "user", "ประกาศแนวทาง เอกสาร และปฏิทินการประกันคุณภาพ", 1, A,
           user(OFFICER, "DISTRICT_GUIDANCE", "PublishGuidance")),
          ("Task_StartSchoolCycles", "service", "เริ่มวงจรประกันคุณภาพของทุกสถานศึกษา", 2, A,
           dict(expression="${districtCycles.startSchoolCycles(execution)}")),
          ("Task_AppointCommittee", "user", "แต่งตั้งคณะกรรมการติดตาม ตรวจสอบ", 3, A,
           user(SUPDIR, "DISTRICT_COMMITTEE", "AppointCommittee")),
          ("Task_ReportLastYear", "user", "รายงานผลการพัฒนาคุณภาพปีที่ผ่านมา", 4, A,
           user(OFFICER, "DISTRICT_LAST_YEAR_REPORT", "ReportLastYear")),
          ("Task_RunVisitRounds", "user", "ดำเนินการนิเทศ ติดตาม ตรวจเยี่ยมสถานศึกษา", 5, A,
           user(OFFICER, "DISTRICT_VISIT_ROUNDS", "RunVisitRounds")),
          ("Timer_SarDeadline", "timer", "ครบกำหนดส่ง SAR", 6, A,
           dict(date="${qaCalendar.dueAt(execution, 'SAR_SUBMISSION')}")),
          ("Task_ListMissingSars", "service", "ตรวจรายชื่อสถานศึกษาที่ยังไม่ส่ง SAR และแจ้งเตือน", 7, A,
           dict(expression="${districtCycles.listMissingSars(execution)}")),
          ("Gateway_AllSarsIn", "xor", "ส่ง SAR ครบ?", 8, A, {}),
          ("Task_ChaseMissingSars", "user", "ติดตามสถานศึกษาที่ยังไม่ส่ง SAR", 9, B,
           user(OFFICER, "DISTRICT_SAR_CHASE", "ChaseMissingSars")),
          ("Gateway_SarsCollected", "xor", "", 10, A, {}),
          ("Task_ConfirmReviewsDone", "user", "ยืนยันการตรวจ SAR ครบทุกสถานศึกษา", 3, C,
           user(OFFICER, "SAR_REVIEW", "ConfirmReviewsDone")),
          ("Task_SynthesiseSars", "user", "สังเคราะห์รายงานผลการประเมินตนเองของสถานศึกษา", 4, C,
           user(OFFICER, "SYNTHESIS", "SynthesiseSars")),
          ("Task_ApproveSynthesis", "user", "ผอ.กลุ่มนิเทศฯ พิจารณาผลการสังเคราะห์", 5, C,
           user(SUPDIR, "SYNTHESIS_APPROVAL", "ApproveSynthesis", onComplete="${districtCycles.synthesisDecided(task)}")),
          ("Gateway_SynthesisApproved", "xor", "เห็นชอบ?", 6, C, {}),
          ("Task_ReportSynthesis", "user", "รายงาน สพฐ. และ ก.ต.ป.น.", 7, C,
           user(DDIR + "," + OFFICER, "DISTRICT_REPORT", "ReportSynthesis")),
          ("Task_PublishSynthesis", "service", "เผยแพร่ผลการสังเคราะห์", 8, C,
           dict(expression="${districtCycles.publishSynthesis(execution)}")),
          ("Task_SelectGoodPractices", "user", "คัดเลือกแนวปฏิบัติที่ดี", 9, C,
           user(OFFICER, "DISTRICT_GOOD_PRACTICES", "SelectGoodPractices")),
          ("EndEvent_DistrictYearDone", "end", "ปีการศึกษาของเขตเสร็จสิ้น", 10, C, {}),
      ],
      [
          ("Flow_ToPublishGuidance", "StartEvent_DistrictCycleStarted", "Task_PublishGuidance", None, None),
          ("Flow_ToStartSchoolCycles", "Task_PublishGuidance", "Task_StartSchoolCycles", None, None),
          ("Flow_ToAppointCommittee", "Task_StartSchoolCycles", "Task_AppointCommittee", None, None),
          ("Flow_ToReportLastYear", "Task_AppointCommittee", "Task_ReportLastYear", None, None),
          ("Flow_ToRunVisitRounds", "Task_ReportLastYear", "Task_RunVisitRounds", None, None),
          ("Flow_ToSarDeadline", "Task_RunVisitRounds", "Timer_SarDeadline", None, None),
          ("Flow_ToListMissingSars", "Timer_SarDeadline", "Task_ListMissingSars", None, None),
          ("Flow_ToAllSarsIn", "Task_ListMissingSars", "Gateway_AllSarsIn", None, None),
          ("Flow_SarsMissing", "Gateway_AllSarsIn", "Task_ChaseMissingSars", "ยังไม่ครบ", "${missingSarCount > 0}"),
          ("Flow_AllSarsIn", "Gateway_AllSarsIn", "Gateway_SarsCollected", "ครบ", "${missingSarCount == 0}"),
          ("Flow_ChaseDone", "Task_ChaseMissingSars", "Gateway_SarsCollected", None, None),
          ("Flow_ToConfirmReviewsDone", "Gateway_SarsCollected", "Task_ConfirmReviewsDone", None, None),
          ("Flow_ToSynthesiseSars", "Task_ConfirmReviewsDone", "Task_SynthesiseSars", None, None),
          ("Flow_ToApproveSynthesis", "Task_SynthesiseSars", "Task_ApproveSynthesis", None, None),
          ("Flow_ToSynthesisGateway", "Task_ApproveSynthesis", "Gateway_SynthesisApproved", None, None),
          ("Flow_SynthesisApproved", "Gateway_SynthesisApproved", "Task_ReportSynthesis", "เห็นชอบ",
           "${synthesisDecision == 'approve'}"),
          ("Flow_SynthesisReturned", "Gateway_SynthesisApproved", "Task_SynthesiseSars", "ส่งกลับแก้ไข",
           "${synthesisDecision == 'return'}"),
          ("Flow_ToPublishSynthesis", "Task_ReportSynthesis", "Task_PublishSynthesis", None, None),
          ("Flow_ToSelectGoodPractices", "Task_PublishSynthesis", "Task_SelectGoodPractices", None, None),
          ("Flow_ToDistrictYearDone", "Task_SelectGoodPractices", "EndEvent_DistrictYearDone", None, None),
      ],
      [])

write("bpmn/SarReview.bpmn", "SarReview", "การตรวจรายงานการประเมินตนเอง (SAR) ของสถานศึกษาโดยสำนักงานเขตพื้นที่",
      "Started by a school's SchoolQaCycle when it submits its SAR (message SarSubmitted, business key "
      "{schoolCode}-{academicYearBE}); one instance per submission round. The school's cluster supervisor (or a "
      "supervisor the district assigns) accepts or returns it; the end event answers the school's cycle with the "
      "message SarReviewed, which sets sarReviewDecision there. Due working days after the submission "
      "(qaflow.district.review-working-days).",
      [
          ("StartEvent_SarSubmitted", "start", "สถานศึกษาส่ง SAR", 0, A, dict(message="Message_SarSubmitted")),
          ("Task_ReviewSar", "user", "ศึกษานิเทศก์ตรวจ SAR", 1, A,
           user(SUPERVISOR, "SAR_REVIEW", "ReviewSar", onCreate="${districtSarReviews.setReviewDue(task)}", due="listener")),
          ("Gateway_ReviewDecision", "xor", "รับ SAR?", 2, A, {}),
          ("EndEvent_SarAccepted", "end", "แจ้งสถานศึกษา: รับ SAR", 3, A,
           dict(message="Message_SarReviewed", expression="${districtSarReviews.reply(execution)}")),
          ("EndEvent_SarReturned", "end", "แจ้งสถานศึกษา: ส่งกลับแก้ไข", 3, B,
           dict(message="Message_SarReviewed", expression="${districtSarReviews.reply(execution)}")),
      ],
      [
          ("Flow_ToReviewSar", "StartEvent_SarSubmitted", "Task_ReviewSar", None, None),
          ("Flow_ToReviewDecision", "Task_ReviewSar", "Gateway_ReviewDecision", None, None),
          ("Flow_ReviewAccepted", "Gateway_ReviewDecision", "EndEvent_SarAccepted", "รับ", "${reviewDecision == 'accept'}"),
          ("Flow_ReviewReturned", "Gateway_ReviewDecision", "EndEvent_SarReturned", "ส่งกลับแก้ไข",
           "${reviewDecision == 'return'}"),
      ],
      [("Message_SarSubmitted", "SarSubmitted"), ("Message_SarReviewed", "SarReviewed")])
