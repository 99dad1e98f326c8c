/** Maps shared by the editor tests: the language spec's Lakeside, and a district map that names Lakeside's roles. */
export const LAKESIDE = `/** Lakeside's instructional decision map. */
map Lakeside "Lakeside Elementary School"
uses School

phases {
  Preparation "Preparation" 6..12 months
  Initial "Initial implementation" 1..2 years
  Expansion "Expansion" 2..3 years
  Institutionalization "Institutionalization"
}

/** Leads the school and signs off its instructional plan. */
role Principal "Principal" {
  kind administrator
  holders "A. Rivera"
  backup AssistantPrincipal
}
role AssistantPrincipal "Assistant principal" { kind administrator }
role GradeLead "Grade-level team leader" {
  kind teacher
  seats 6
  release 5%
}
role SpecialAreasLead "Special areas lead" { kind teacher  release 5% }
role Staff "All teaching staff" { kind teacher }
role Superintendent "Superintendent" { kind district }

team ILT "Instructional Leadership Team" {
  members GradeLead, SpecialAreasLead, Principal
  chair Principal
  rule consensus
}

domain Curriculum "Curriculum and instruction" {
  decision SetInstructionalFocus "Set the school's instructional focus" {
    recommend ILT
    decide Principal
    inform Staff
  }
  /** The core programme for reading and mathematics. */
  decision AdoptMaterials "Adopt core curriculum materials" {
    recommend ILT
    consult GradeLead
    decide Principal
    inform Staff
    after SetInstructionalFocus
    escalate Superintendent
    review yearly
    source "Board policy 6161.1"
    status ratified
  }
  decision FacultyMeetingAgenda "Set the faculty meeting agenda" {
    pattern coordinated
    decide Principal until Expansion
    decide ILT from Expansion
    consult GradeLead
  }
  decision Timetable "Set the timetable" {
    recommend GradeLead
    consult SpecialAreasLead, Staff, AssistantPrincipal
  }
}
`;

export const DISTRICT = `map District "Northfield School District"

role Coach "Instructional coach" { kind district  seats 3 }

domain Induction "New-teacher induction" {
  decision MentorProgram "Design the mentoring programme" {
    recommend Coach
    consult Lakeside.Principal, Lakeside.GradeLead
    decide Lakeside.Principal
  }
}
`;
