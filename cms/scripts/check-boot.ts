import { runScript, withStrapi } from './load-strapi';

runScript(() => withStrapi(async (strapi) => {
  console.log(Object.keys(strapi.contentTypes).filter((k) => k.startsWith('api::')));
}));
