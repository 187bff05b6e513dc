import { Type } from "@sinclair/typebox";
import { ENRICHMENT_LIST_MAX, NAME_MAX, TEXT_MAX, URI_MAX } from "../limits.js";

// Types as document 000 lists them: string, Array[string] or int. Handles and the logo may be URLs or
// paths (000), so they get the URI length but no format.
const short = (description: string) => Type.String({ maxLength: NAME_MAX, description });
const text = (description: string) => Type.String({ maxLength: TEXT_MAX, description });
const link = (description: string) => Type.String({ maxLength: URI_MAX, description });
const integer = (description: string) => Type.Integer({ description });
const list = (description: string) =>
  Type.Array(Type.String({ maxLength: NAME_MAX }), { maxItems: ENRICHMENT_LIST_MAX, description });

/** The 40 `enrichment_*` company traits of document 000, with their types. */
export const enrichmentTraits = {
  enrichment_name: short("Name of the group,used in general communication."),
  enrichment_legal_name: short("This is the group's official name as registered with legal authorities."),
  enrichment_domain: short("The primary web domain associated with the group (e.g., `example.com`)."),
  enrichment_domain_aliases: list("A list of alternative domain names that point to the groups's website."),
  enrichment_phone_numbers: list("Contact number of the group."),
  enrichment_email_addresses: list("Email Address of the group."),
  enrichment_sector: short("The broad sector in which the group operates, such as technology, healthcare, finance, etc"),
  enrichment_industry_group: short("A more specific grouping within the broader sector. For example, within the technology sector, industry groups might include software or hardware."),
  enrichment_industry: short("A more detailed classification of the group's business activities within the industry group."),
  enrichment_sub_industry: short("An even more specific classification within the industry, providing finer granularity. For example, within the software industry, this could be enterprise software or consumer software."),
  enrichment_tags: list("A list of keywords or labels that describe various aspects of the group, such as products, services, or characteristics."),
  enrichment_description: text("A textual description of the group, providing an overview of what it does, its mission, products, or services."),
  enrichment_founder_year: integer("the year the group was established"),
  enrichment_location: short("A general description of where the group is based, which may include the city, state, or region"),
  enrichment_time_zone: short("The time zone in which the groups's primary operations are based."),
  enrichment_street_number: short("The street number where the group is located"),
  enrichment_street_name: short("Name of the street to which the group is belonged"),
  enrichment_street_address: short("Address of the street where the group is located"),
  enrichment_city: short("The city the group belongs to"),
  enrichment_postal_code: short("The postal code of the group's location"),
  enrichment_state: short("The group's state of residence"),
  enrichment_state_code: short("The state's code where the group is located"),
  enrichment_country: short("The group's Country of residence"),
  enrichment_country_code: short("The Country's code where the group is located"),
  enrichment_logo: link("The URL or file path to the groups's logo image"),
  enrichment_linkedin_handle: link("Linkedin profile link of the group"),
  enrichment_facebook_handle: link("Github profile link of the group"),
  enrichment_twitter_handle: link("Twitter profile link of the group"),
  enrichment_crunchbase_handle: link("Crunch base profile link of the group"),
  enrichment_email_provider: short("The provider of the groups's email services"),
  enrichment_type: short("The type or category of the group, which could indicate its business model or structure (e.g., private, public, non-profit)."),
  enrichment_phone: short("Phone number of the group"),
  enrichment_traffic_rank: short("A ranking indicating the group's website traffic relative to other websites."),
  enrichment_employees: Type.Integer({ minimum: 0, description: "Number of employees in the group" }),
  enrichment_employees_range: short("A range or estimate of the number of employees, often used when exact numbers are not available"),
  enrichment_market_cap: short("The market capitalization of the group, which is the total value of its outstanding shares of stock."),
  enrichment_raised: short("The total amount of funding or investment the group has raised. This is particularly relevant for startups and private companies."),
  enrichment_annual_revenue: short("Annual Revenue of the group"),
  enrichment_tech: short("The technologies or technical platforms the group uses or specializes in."),
  enrichment_tech_categories: list("A list of categories or types of technology that the group is involved in or provides (e.g., cloud computing, cybersecurity)."),
};
