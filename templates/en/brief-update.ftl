<#-- Update of a delivered prep event, plain text. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign u = update!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
<#if u.cancelled!false>
Your information interview with ${cname}<#if (u.previousWhen!"")?has_content>, planned for ${u.previousWhen},</#if> was cancelled by the organizer.

The prep slot rebond placed in your calendar is cancelled with it: the calendar part of this message removes it. No debrief prompt, thank-you or follow-up draft will be prepared for this meeting.
<#elseif u.moved!true>
Your information interview with ${cname} has moved.

  Before: ${u.previousWhen!""}
  Now:    ${iv.when!""}

The prep slot in your calendar moves with it: the calendar part of this message replaces the earlier one. The brief you received still holds; the debrief prompt, the thank-you and the follow-up drafts follow the new time.
<#else>
Your information interview with ${cname} is back on, ${iv.when!""}: the organizer invited you again after cancelling.

The prep slot in your calendar is restored by the calendar part of this message, and the brief you received still holds.
</#if>
