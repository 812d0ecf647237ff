/**
 * Ningbo residents in basic medical insurance, for 天一甬宁保 (and any scheme open to Ningbo
 * basic-medical-insurance members). Cells: tier (employee / resident adult / student tier /
 * minor) × age band (0-17, 18-59, 60+) × health (pre-existing conditions or not) × interest
 * (engaged: considers buying 惠民保 at all; unengaged), plus the staff enrolled by employers as a
 * group (6508 employers and collectives, > 104 万 staff, seed 003 line 61) in employee-tier
 * working-age cells marked `enrolment: "group"` that carry a take-up logit of +30 (probability 1
 * to twelve digits: the employer enrols all its staff).
 *
 * The insured total and every share are assumptions (data/assumptions/ningbo-tianyi.csv): the
 * sources give 天一甬宁保's enrolment but not Ningbo's insured population.
 */
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import { figureValue, type PopulationBuilder, parseBuilderOptions } from "./builder.js";
import { apportion } from "../sim/cells.js";

const NAME = "ningbo-residents";

/** Take-up logit of group cells: logistic(30) = 1 − 9e-14, i.e. the employer enrols every member of staff. */
export const GROUP_TAKEUP_LOGIT = 30;

const optionsSchema = z.strictObject({
  /** Include the employer-group staff cells (seed 003 l.61). */
  groups: z.boolean().default(true),
});

interface Segment {
  id: string;
  tier: "employee" | "resident" | "student" | "minor";
  age: "0-17" | "18-59" | "60+";
  count: number;
  person: Record<string, unknown>;
}

export const ningboResidents: PopulationBuilder = {
  name: NAME,
  description: "Ningbo basic-medical-insurance members by tier, age band, health and interest, with employer-group staff",
  build(input, figures) {
    const options = parseBuilderOptions(optionsSchema, input);
    const { groups } = options;
    const v = (id: string) => figureValue(figures, id, NAME);
    const total = v("ningbo.residents.insured_total");
    const emp = v("ningbo.residents.employee_share");
    const stu = v("ningbo.residents.student_share");
    const min = v("ningbo.residents.minor_share");
    if (!(emp + stu + min <= 1)) throw new InputError(`population builder ${NAME}`, `employee, student and minor shares add up to ${emp + stu + min} > 1`);
    const [nEmp, nRes, nStu, nMin] = apportion(total, [emp, 1 - emp - stu - min, stu, min]) as [number, number, number, number];
    const [nEmpOld, nEmpWork] = apportion(nEmp, [v("ningbo.residents.employee_60plus_share"), 1 - v("ningbo.residents.employee_60plus_share")]) as [number, number];
    const [nResOld, nResWork] = apportion(nRes, [v("ningbo.residents.resident_60plus_share"), 1 - v("ningbo.residents.resident_60plus_share")]) as [number, number];
    const [nStuAdult, nStuChild] = apportion(nStu, [v("ningbo.residents.student_adult_share"), 1 - v("ningbo.residents.student_adult_share")]) as [number, number];
    const staff = groups ? v("ningbo.tianyi.employer_staff_2024") : 0;
    if (staff > nEmpWork) throw new InputError(`population builder ${NAME}`, `employer-group staff (${staff}) exceed the working-age employee members (${nEmpWork})`);
    const pre: Record<Segment["age"], number> = {
      "0-17": v("ningbo.residents.preexisting_share_0_17"),
      "18-59": v("ningbo.residents.preexisting_share_18_59"),
      "60+": v("ningbo.residents.preexisting_share_60plus"),
    };
    const engaged = v("ningbo.residents.engaged_share");
    const segments: Segment[] = [
      { id: "employee-18-59", tier: "employee", age: "18-59", count: nEmpWork - staff, person: { age: 40 } },
      { id: "employee-60+", tier: "employee", age: "60+", count: nEmpOld, person: { age: 68 } },
      { id: "resident-18-59", tier: "resident", age: "18-59", count: nResWork, person: { age: 45 } },
      { id: "resident-60+", tier: "resident", age: "60+", count: nResOld, person: { age: 72 } },
      { id: "student-0-17", tier: "student", age: "0-17", count: nStuChild, person: { age: 12, residentStudentTier: true } },
      // University students: the student tier's lower rate at adult age (seed 003 l.57).
      { id: "student-18-59", tier: "student", age: "18-59", count: nStuAdult, person: { age: 20, residentStudentTier: true } },
      { id: "minor-0-17", tier: "minor", age: "0-17", count: nMin, person: { age: 3 } },
    ];
    const cells: unknown[] = [];
    for (const s of segments) {
      const [nPre, nHealthy] = apportion(s.count, [pre[s.age], 1 - pre[s.age]]) as [number, number];
      for (const [health, n] of [["preexisting", nPre], ["healthy", nHealthy]] as const) {
        const [nEngaged, nOther] = apportion(n, [engaged, 1 - engaged]) as [number, number];
        for (const [interest, m] of [["engaged", nEngaged], ["unengaged", nOther]] as const) {
          cells.push({
            id: `${s.id}/${health}/${interest}`,
            count: m,
            attributes: { tier: s.tier, age: s.age, health, interest, enrolment: "voluntary" },
            person: s.person,
            claim: { preExisting: health === "preexisting" },
          });
        }
      }
    }
    if (groups) {
      const [gPre, gHealthy] = apportion(staff, [pre["18-59"], 1 - pre["18-59"]]) as [number, number];
      for (const [health, n] of [["preexisting", gPre], ["healthy", gHealthy]] as const) {
        cells.push({
          id: `employer-group/${health}`,
          count: n,
          attributes: { tier: "employee", age: "18-59", health, interest: "engaged", enrolment: "group" },
          person: { age: 40 },
          purchase: { payer: "employer" },
          claim: { preExisting: health === "preexisting" },
          takeupLogit: GROUP_TAKEUP_LOGIT,
        });
      }
    }
    return { cells };
  },
};
