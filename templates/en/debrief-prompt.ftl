<#-- Debrief prompt, plain text (METHOD M5, M7). The outline below is what NotesParser reads. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
Your information interview with ${cname}<#if org?has_content> (${org})</#if><#if (iv.when!"")?has_content>, ${iv.when},</#if> should be over by now. How did it go?

Reply to this message with a few short notes while they are fresh: a line per item is plenty. Your notes stay private. rebond uses them only to prepare a thank-you for ${cname} that recalls what you talked about; it will be waiting in your Drafts folder for you to read, adjust and send yourself.
<#if (debrief.replyHint!"")?has_content>

${debrief.replyHint}
</#if>

Copy the outline below into your reply, keep the headings and put one item per line, each starting with a dash. Leave out any section you have nothing for.

Points discussed:
- 

Leads:
- 

Names (name, e-mail, and what they agreed to: "may contact", "may mention", "no note", "will introduce me"):
- 

Article (a link you would like to share with ${cname}):
- 

Next steps (what you will do, and by when):
- 

Example of a filled reply:
  Points discussed:
  - Clinicians review every release
  Names:
  - Julie Bernard <julie@example.com>: may contact, may mention ${cname}
  Next steps:
  - Read the guide she mentioned by Friday

The same notes can be given later, or added to, with: rebond notes ${(iv.id?c)!"ID"} --config FILE

No time to reply? The thank-you draft will still be prepared, with marked places for you to fill in.
