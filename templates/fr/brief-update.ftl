<#-- Mise à jour d'un événement de préparation déjà livré, texte. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign u = update!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
<#if u.cancelled!false>
Votre entretien d'information avec ${cname}<#if (u.previousWhen!"")?has_content>, prévu ${u.previousWhen},</#if> a été annulé par l'organisateur.

Le créneau de préparation que rebond avait placé dans votre agenda est annulé lui aussi : la partie agenda de ce message le retire. Aucune demande de notes, aucun remerciement ni aucune nouvelle ne seront préparés pour ce rendez-vous.
<#elseif u.moved!true>
Votre entretien d'information avec ${cname} a été déplacé.

  Avant :      ${u.previousWhen!""}
  Désormais :  ${iv.when!""}

Le créneau de préparation de votre agenda suit : la partie agenda de ce message remplace la précédente. La fiche reçue reste valable ; la demande de notes, le remerciement et les nouvelles suivront le nouvel horaire.
<#else>
Votre entretien d'information avec ${cname} est rétabli, ${iv.when!""} : l'organisateur vous a invité de nouveau après avoir annulé.

La partie agenda de ce message remet le créneau de préparation dans votre agenda ; la fiche reçue reste valable.
</#if>
