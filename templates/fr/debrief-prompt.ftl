<#-- Demande de compte rendu, texte brut (METHOD M5, M7). Le canevas ci-dessous est celui que lit NotesParser. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
Votre entretien d'information avec ${cname}<#if org?has_content> (${org})</#if><#if (iv.when!"")?has_content>, ${iv.when},</#if> devrait être terminé. Comment cela s'est-il passé ?

Répondez à ce message avec quelques notes courtes tant que vos souvenirs sont frais : une ligne par élément suffit. Vos notes restent privées. rebond s'en sert uniquement pour préparer un remerciement à ${cname} qui reprend ce dont vous avez parlé ; il vous attendra dans votre dossier Brouillons, pour que vous le relisiez, l'ajustiez et l'envoyiez vous-même.
<#if (debrief.replyHint!"")?has_content>

${debrief.replyHint}
</#if>

Recopiez le canevas ci-dessous dans votre réponse, gardez les titres et mettez un élément par ligne, chacun précédé d'un tiret. Laissez de côté les rubriques pour lesquelles vous n'avez rien.

Points abordés :
- 

Pistes :
- 

Noms (nom, e-mail, et ce qui a été accepté : « ok contacter », « ok citer », « ne pas noter », « va me présenter ») :
- 

Article (un lien que vous aimeriez partager avec ${cname}) :
- 

Prochaines étapes (ce que vous allez faire, et pour quand) :
- 

Exemple de réponse remplie :
  Points abordés :
  - Les soignants relisent chaque version
  Noms :
  - Julie Bernard <julie@exemple.fr> : ok contacter, ok citer ${cname}
  Prochaines étapes :
  - Lire le guide qu'elle m'a conseillé d'ici vendredi

Les mêmes notes peuvent être données plus tard, ou complétées, avec : rebond notes ${(iv.id?c)!"ID"} --config FICHIER

Pas le temps de répondre ? Le brouillon de remerciement sera quand même préparé, avec des emplacements signalés à compléter.
